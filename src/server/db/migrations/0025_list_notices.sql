-- Each API process keeps the ranked matches of recent household searches (households/search-cache.ts). It
-- holds only while it hears of every change that can alter a search's matches or their order: a household's
-- site, case number, registration date, status, category, district, head name or Art. 18 restriction, a
-- person's names, household or site, a household or person added or removed. The database says so at the
-- commit, on the sessions' channel (so that a write's barrier covers it, session-cache.ts): 'h:<site id>'
-- for each site whose households changed, 'h:*' when a table was emptied. Inserts and deletes tell once per
-- statement and site (a bulk load of thousands of rows sends one notice per site).
CREATE OR REPLACE FUNCTION list_notice_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('quartier_sessions', 'h:*');
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('quartier_sessions', 'h:' || s.site_id) FROM (SELECT DISTINCT site_id FROM new_rows WHERE site_id IS NOT NULL) s;
  ELSE
    PERFORM pg_notify('quartier_sessions', 'h:' || s.site_id) FROM (SELECT DISTINCT site_id FROM old_rows WHERE site_id IS NOT NULL) s;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION list_notice_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.site_id IS NOT NULL THEN PERFORM pg_notify('quartier_sessions', 'h:' || OLD.site_id); END IF;
  IF NEW.site_id IS NOT NULL AND NEW.site_id IS DISTINCT FROM OLD.site_id THEN
    PERFORM pg_notify('quartier_sessions', 'h:' || NEW.site_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER households_list_notice_insert AFTER INSERT ON households
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION list_notice_rows();
--> statement-breakpoint
CREATE TRIGGER households_list_notice_delete AFTER DELETE ON households
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION list_notice_rows();
--> statement-breakpoint
CREATE TRIGGER households_list_notice_truncate AFTER TRUNCATE ON households
  FOR EACH STATEMENT EXECUTE FUNCTION list_notice_rows();
--> statement-breakpoint
CREATE TRIGGER households_list_notice_update AFTER UPDATE ON households
  FOR EACH ROW WHEN (
    (OLD.site_id, OLD.case_number, OLD.registered_on, OLD.status, OLD.category, OLD.district_code,
      OLD.head_name, OLD.restricted_at)
    IS DISTINCT FROM
    (NEW.site_id, NEW.case_number, NEW.registered_on, NEW.status, NEW.category, NEW.district_code,
      NEW.head_name, NEW.restricted_at))
  EXECUTE FUNCTION list_notice_row();
--> statement-breakpoint
CREATE TRIGGER persons_list_notice_insert AFTER INSERT ON persons
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION list_notice_rows();
--> statement-breakpoint
CREATE TRIGGER persons_list_notice_delete AFTER DELETE ON persons
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION list_notice_rows();
--> statement-breakpoint
CREATE TRIGGER persons_list_notice_truncate AFTER TRUNCATE ON persons
  FOR EACH STATEMENT EXECUTE FUNCTION list_notice_rows();
--> statement-breakpoint
CREATE TRIGGER persons_list_notice_update AFTER UPDATE ON persons
  FOR EACH ROW WHEN (
    (OLD.site_id, OLD.household_id, OLD.first_name, OLD.last_name, OLD.first_key, OLD.last_key, OLD.name_words)
    IS DISTINCT FROM
    (NEW.site_id, NEW.household_id, NEW.first_name, NEW.last_name, NEW.first_key, NEW.last_key, NEW.name_words))
  EXECUTE FUNCTION list_notice_row();
