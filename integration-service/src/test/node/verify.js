// Reads {"secret", "headers", "body"} on stdin and verifies the delivery with the Standard Webhooks reference
// library: prints the verified payload's type and exits 0, or prints why and exits 1.
const { Webhook } = require("standardwebhooks");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { secret, headers, body } = JSON.parse(input);
  try {
    const payload = new Webhook(secret).verify(body, headers);
    console.log(payload.type);
  } catch (e) {
    console.log("REFUSED: " + e.message);
    process.exit(1);
  }
});
