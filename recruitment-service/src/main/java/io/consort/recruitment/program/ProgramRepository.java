package io.consort.recruitment.program;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<Program, UUID> {

    public boolean nameTaken(String name) {
        return count("lower(name) = lower(?1)", name) > 0;
    }
}
