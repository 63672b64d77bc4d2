-- Deleting many contacts was slow: 0004 took each contact's counts off row by row. Now the contacts'
-- own counts come off per statement (like inserts and updates); only their reasons still need a row
-- trigger (a contact's delete cascades to its reasons before any AFTER trigger could read them), and it
-- does nothing but one index probe when the reasons are gone already — as when the reasons are deleted
-- first, which the statement trigger on contact_reasons handles in bulk.
CREATE OR REPLACE FUNCTION stat_contacts_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM contact_reasons r WHERE r.contact_id = OLD.id) THEN
    PERFORM stat_add_reasons(array_agg(OLD.site_id), array_agg(OLD.date), array_agg(OLD.category),
      array_agg(r.life_area), array_agg(r.support_kind), array_agg(-1))
    FROM contact_reasons r WHERE r.contact_id = OLD.id;
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_contacts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_add_contacts(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k), array_agg(x.n))
  FROM (SELECT site_id s, date d, category c, contact_type k, -count(*)::int n
        FROM old_rows GROUP BY 1, 2, 3, 4) x;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER stat_contacts_del ON contacts;
--> statement-breakpoint
CREATE TRIGGER stat_contacts_del_reasons BEFORE DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION stat_contacts_deleting();
--> statement-breakpoint
CREATE TRIGGER stat_contacts_del AFTER DELETE ON contacts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_contacts_deleted();
