-- Search reads the GIN indexes on every request. With fastupdate (the default) new entries first go to an
-- unsorted pending list that every search scans in full until a vacuum merges it (up to
-- gin_pending_list_limit, 4 MB): measured, a 500-page pending list made the resource index scan several
-- times slower than the merged index. Posts and resources are written at human pace, so each insert
-- updates the index directly instead, and whatever is pending now is merged once.
alter index library_resource_search set (fastupdate = off);
alter index discussion_thread_search set (fastupdate = off);
alter index post_search set (fastupdate = off);
select gin_clean_pending_list('library_resource_search'::regclass),
       gin_clean_pending_list('discussion_thread_search'::regclass),
       gin_clean_pending_list('post_search'::regclass);
