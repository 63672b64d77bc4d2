-- What the household list shows of each household besides its own columns: members present (not left)
-- and the date of the last contact. Kept here, exact in the writing transaction, by statement triggers on
-- households, persons and contacts, so a page reads 25 rows by primary key instead of running two
-- sub-queries per row (planning them cost the server more than running the page).
CREATE TABLE "household_list_facts" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"last_contact_on" date
);
--> statement-breakpoint
-- Counts again the given households. The rows are locked first (in key order: no deadlock between two
-- writers), and the counting statement runs after the lock with a fresh snapshot, so a writer that waited
-- for another counts the other's committed rows too (READ COMMITTED); an unchanged row is not written.
CREATE OR REPLACE FUNCTION household_list_facts_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM household_list_facts WHERE household_id = ANY(ids) ORDER BY household_id FOR UPDATE;
  UPDATE household_list_facts f
  SET member_count = x.member_count, last_contact_on = x.last_contact_on
  FROM (
    SELECT i.id,
      (SELECT count(*)::int FROM persons p WHERE p.household_id = i.id AND p.left_on IS NULL) AS member_count,
      (SELECT max(c.date) FROM contacts c WHERE c.household_id = i.id) AS last_contact_on
    FROM unnest(ids) AS i(id)
  ) x
  WHERE f.household_id = x.id
    AND (f.member_count, f.last_contact_on) IS DISTINCT FROM (x.member_count, x.last_contact_on);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_list_facts_households_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO household_list_facts (household_id) SELECT id FROM new_rows ORDER BY id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_list_facts_households_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM household_list_facts f USING old_rows o WHERE f.household_id = o.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_list_facts_households_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE household_list_facts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_list_facts_insert AFTER INSERT ON households
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_households_insert();
--> statement-breakpoint
CREATE TRIGGER household_list_facts_delete AFTER DELETE ON households
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_households_delete();
--> statement-breakpoint
CREATE TRIGGER household_list_facts_truncate AFTER TRUNCATE ON households
  FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_households_truncate();
--> statement-breakpoint
-- persons and contacts (both carry household_id): an insert or delete counts its households again
CREATE OR REPLACE FUNCTION household_list_facts_rows_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM household_list_facts_refresh(array_agg(DISTINCT household_id)) FROM new_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_list_facts_rows_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM household_list_facts_refresh(array_agg(DISTINCT household_id)) FROM old_rows;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- an update of a person counts only when it moved them to another household or changed whether they left:
-- both households, the old and the new one
CREATE OR REPLACE FUNCTION household_list_facts_persons_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM household_list_facts_refresh(array_agg(DISTINCT v.household_id))
  FROM old_rows o JOIN new_rows n ON n.id = o.id, LATERAL (VALUES (o.household_id), (n.household_id)) v(household_id)
  WHERE (o.household_id, o.left_on) IS DISTINCT FROM (n.household_id, n.left_on)
  HAVING count(*) > 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_list_facts_persons_ins AFTER INSERT ON persons
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_rows_inserted();
--> statement-breakpoint
CREATE TRIGGER household_list_facts_persons_del AFTER DELETE ON persons
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_rows_deleted();
--> statement-breakpoint
CREATE TRIGGER household_list_facts_persons_upd AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_persons_updated();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_list_facts_persons_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE household_list_facts SET member_count = 0 WHERE member_count <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_list_facts_persons_truncate AFTER TRUNCATE ON persons
  FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_persons_truncate();
--> statement-breakpoint
-- contacts: the same for the last contact's date
CREATE OR REPLACE FUNCTION household_list_facts_contacts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM household_list_facts_refresh(array_agg(DISTINCT v.household_id))
  FROM old_rows o JOIN new_rows n ON n.id = o.id, LATERAL (VALUES (o.household_id), (n.household_id)) v(household_id)
  WHERE (o.household_id, o.date) IS DISTINCT FROM (n.household_id, n.date)
  HAVING count(*) > 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_list_facts_contacts_ins AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_rows_inserted();
--> statement-breakpoint
CREATE TRIGGER household_list_facts_contacts_del AFTER DELETE ON contacts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_rows_deleted();
--> statement-breakpoint
CREATE TRIGGER household_list_facts_contacts_upd AFTER UPDATE ON contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_contacts_updated();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_list_facts_contacts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE household_list_facts SET last_contact_on = NULL WHERE last_contact_on IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_list_facts_contacts_truncate AFTER TRUNCATE ON contacts
  FOR EACH STATEMENT EXECUTE FUNCTION household_list_facts_contacts_truncate();
--> statement-breakpoint
INSERT INTO household_list_facts (household_id, member_count, last_contact_on)
SELECT h.id, coalesce(m.n, 0), c.last_on
FROM households h
LEFT JOIN (SELECT household_id, count(*)::int AS n FROM persons WHERE left_on IS NULL GROUP BY 1) m
  ON m.household_id = h.id
LEFT JOIN (SELECT household_id, max(date) AS last_on FROM contacts GROUP BY 1) c ON c.household_id = h.id;
