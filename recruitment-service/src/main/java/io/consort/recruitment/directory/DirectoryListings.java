package io.consort.recruitment.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Makes {@link DirectoryListing} known to Panache, whose entity manager the chassis {@code KeysetQuery}
 * pages through; Panache only knows the entities of its repositories and entity classes.
 */
@ApplicationScoped
public class DirectoryListings implements PanacheRepositoryBase<DirectoryListing, UUID> {
}
