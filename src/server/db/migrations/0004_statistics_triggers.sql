-- Statistics rollups (tables in 0003_statistics): kept exact by the triggers below, backfilled at the end.
-- Every write adds its delta to the counters in the same transaction with
-- INSERT ... ON CONFLICT DO UPDATE SET n = n + delta, so concurrent writers never lose an update.
-- Triggers are per statement (transition tables): a bulk insert of a million contacts is one grouped
-- upsert, and the keys are upserted in sorted order so two writers cannot deadlock on them.
-- A trigger that reads a parent row's dimensions (a person's household, a reason's contact) first
-- locks that row FOR SHARE: an UPDATE that moves the parent to another bucket then either waits for
-- the child's transaction (and its own trigger, with a fresh snapshot, moves the child too) or has
-- committed before (and the child's trigger reads the new version). Read committed isolation assumed;
-- under repeatable read the lock raises a serialization error instead, which is also safe.
CREATE OR REPLACE FUNCTION stat_add_households(s uuid[], d date[], c text[], k text[], h int[], p int[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_households_day AS t (site_id, day, category, district_code, households, persons)
  SELECT x.site_id, x.day, x.category, x.district_code, sum(x.households), sum(x.persons)
  FROM unnest(s, d, c, k, h, p) AS x(site_id, day, category, district_code, households, persons)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.households) <> 0 OR sum(x.persons) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, day, category, district_code) DO UPDATE
    SET households = t.households + EXCLUDED.households, persons = t.persons + EXCLUDED.persons;
  INSERT INTO stat_households_month AS t (site_id, month, category, district_code, households, persons)
  SELECT x.site_id, date_trunc('month', x.day::timestamp)::date, x.category, x.district_code,
    sum(x.households), sum(x.persons)
  FROM unnest(s, d, c, k, h, p) AS x(site_id, day, category, district_code, households, persons)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.households) <> 0 OR sum(x.persons) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, month, category, district_code) DO UPDATE
    SET households = t.households + EXCLUDED.households, persons = t.persons + EXCLUDED.persons;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_add_contacts(s uuid[], d date[], c text[], k text[], n int[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_contacts_day AS t (site_id, day, category, contact_type, contacts)
  SELECT x.site_id, x.day, x.category, x.contact_type, sum(x.n)
  FROM unnest(s, d, c, k, n) AS x(site_id, day, category, contact_type, n)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.n) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, day, category, contact_type) DO UPDATE SET contacts = t.contacts + EXCLUDED.contacts;
  INSERT INTO stat_contacts_month AS t (site_id, month, category, contact_type, contacts)
  SELECT x.site_id, date_trunc('month', x.day::timestamp)::date, x.category, x.contact_type, sum(x.n)
  FROM unnest(s, d, c, k, n) AS x(site_id, day, category, contact_type, n)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.n) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (site_id, month, category, contact_type) DO UPDATE SET contacts = t.contacts + EXCLUDED.contacts;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_add_reasons(s uuid[], d date[], c text[], la text[], sk text[], n int[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_reasons_day AS t (site_id, day, category, life_area, support_kind, reasons)
  SELECT x.site_id, x.day, x.category, x.life_area, x.support_kind, sum(x.n)
  FROM unnest(s, d, c, la, sk, n) AS x(site_id, day, category, life_area, support_kind, n)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.n) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (site_id, day, category, life_area, support_kind) DO UPDATE
    SET reasons = t.reasons + EXCLUDED.reasons;
  INSERT INTO stat_reasons_month AS t (site_id, month, category, life_area, support_kind, reasons)
  SELECT x.site_id, date_trunc('month', x.day::timestamp)::date, x.category, x.life_area, x.support_kind,
    sum(x.n)
  FROM unnest(s, d, c, la, sk, n) AS x(site_id, day, category, life_area, support_kind, n)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.n) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (site_id, month, category, life_area, support_kind) DO UPDATE
    SET reasons = t.reasons + EXCLUDED.reasons;
END;
$$;
--> statement-breakpoint
-- households: counted at registered_site_id (never changed by a transfer), registered_on, category, district
CREATE OR REPLACE FUNCTION stat_households_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- a new household has no members yet (persons reference it)
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(x.h), array_agg(0))
    FROM (SELECT registered_site_id s, registered_on d, category c, coalesce(district_code, '') k,
            count(*)::int h
          FROM new_rows GROUP BY 1, 2, 3, 4) x;
  ELSIF TG_OP = 'DELETE' THEN
    -- members must be gone already (persons.household_id has no cascade)
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(x.h), array_agg(0))
    FROM (SELECT registered_site_id s, registered_on d, category c, coalesce(district_code, '') k,
            -count(*)::int h
          FROM old_rows GROUP BY 1, 2, 3, 4) x;
  ELSE
    -- only rows whose bucket changed; a transfer (site_id) changes nothing here
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(x.h), array_agg(x.p))
    FROM (
      SELECT o.registered_site_id s, o.registered_on d, o.category c, coalesce(o.district_code, '') k,
        -1 h, -(SELECT count(*)::int FROM persons m WHERE m.household_id = o.id) p
      FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
      WHERE n.id IS NULL
        OR (o.registered_site_id, o.registered_on, o.category, coalesce(o.district_code, ''))
          IS DISTINCT FROM (n.registered_site_id, n.registered_on, n.category, coalesce(n.district_code, ''))
      UNION ALL
      SELECT n.registered_site_id, n.registered_on, n.category, coalesce(n.district_code, ''),
        1, (SELECT count(*)::int FROM persons m WHERE m.household_id = n.id)
      FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
      WHERE o.id IS NULL
        OR (o.registered_site_id, o.registered_on, o.category, coalesce(o.district_code, ''))
          IS DISTINCT FROM (n.registered_site_id, n.registered_on, n.category, coalesce(n.district_code, ''))
    ) x;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stat_households_ins AFTER INSERT ON households
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_households_changed();
--> statement-breakpoint
CREATE TRIGGER stat_households_upd AFTER UPDATE ON households
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_households_changed();
--> statement-breakpoint
CREATE TRIGGER stat_households_del AFTER DELETE ON households
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_households_changed();
--> statement-breakpoint
-- persons: counted in their household's bucket
CREATE OR REPLACE FUNCTION stat_persons_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM households h WHERE h.id IN (SELECT household_id FROM new_rows) ORDER BY h.id FOR SHARE;
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(0), array_agg(x.p))
    FROM (SELECT h.registered_site_id s, h.registered_on d, h.category c, coalesce(h.district_code, '') k,
            count(*)::int p
          FROM new_rows m JOIN households h ON h.id = m.household_id GROUP BY 1, 2, 3, 4) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM households h WHERE h.id IN (SELECT household_id FROM old_rows) ORDER BY h.id FOR SHARE;
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(0), array_agg(x.p))
    FROM (SELECT h.registered_site_id s, h.registered_on d, h.category c, coalesce(h.district_code, '') k,
            -count(*)::int p
          FROM old_rows m JOIN households h ON h.id = m.household_id GROUP BY 1, 2, 3, 4) x;
  ELSE
    PERFORM 1 FROM households h
    WHERE h.id IN (SELECT o.household_id FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
                   WHERE n.household_id IS DISTINCT FROM o.household_id
                   UNION SELECT n.household_id FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
                   WHERE o.household_id IS DISTINCT FROM n.household_id)
    ORDER BY h.id FOR SHARE;
    PERFORM stat_add_households(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k),
      array_agg(0), array_agg(x.p))
    FROM (
      SELECT h.registered_site_id s, h.registered_on d, h.category c, coalesce(h.district_code, '') k, -1 p
      FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id JOIN households h ON h.id = o.household_id
      WHERE n.household_id IS DISTINCT FROM o.household_id
      UNION ALL
      SELECT h.registered_site_id, h.registered_on, h.category, coalesce(h.district_code, ''), 1
      FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id JOIN households h ON h.id = n.household_id
      WHERE o.household_id IS DISTINCT FROM n.household_id
    ) x;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stat_persons_ins AFTER INSERT ON persons
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_persons_changed();
--> statement-breakpoint
CREATE TRIGGER stat_persons_upd AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_persons_changed();
--> statement-breakpoint
CREATE TRIGGER stat_persons_del AFTER DELETE ON persons
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_persons_changed();
--> statement-breakpoint
-- contacts: counted at contacts.site_id, date, category, contact_type; their reasons at the same site,
-- date and category
CREATE OR REPLACE FUNCTION stat_contacts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- a new contact has no reasons yet (contact_reasons reference it)
    PERFORM stat_add_contacts(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k), array_agg(x.n))
    FROM (SELECT site_id s, date d, category c, contact_type k, count(*)::int n
          FROM new_rows GROUP BY 1, 2, 3, 4) x;
  ELSE
    PERFORM stat_add_contacts(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.k), array_agg(x.n))
    FROM (
      SELECT o.site_id s, o.date d, o.category c, o.contact_type k, -1 n
      FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
      WHERE n.id IS NULL OR (o.site_id, o.date, o.category, o.contact_type)
        IS DISTINCT FROM (n.site_id, n.date, n.category, n.contact_type)
      UNION ALL
      SELECT n.site_id, n.date, n.category, n.contact_type, 1
      FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
      WHERE o.id IS NULL OR (o.site_id, o.date, o.category, o.contact_type)
        IS DISTINCT FROM (n.site_id, n.date, n.category, n.contact_type)
    ) x;
    -- the updated contacts are locked by this statement, so their reasons cannot change meanwhile
    PERFORM stat_add_reasons(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.la),
      array_agg(x.sk), array_agg(x.n))
    FROM (
      SELECT s, d, c, la, sk, sum(n)::int n FROM (
        SELECT o.site_id s, o.date d, o.category c, r.life_area la, r.support_kind sk, -1 n
        FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN contact_reasons r ON r.contact_id = o.id
        WHERE (o.site_id, o.date, o.category) IS DISTINCT FROM (n.site_id, n.date, n.category)
        UNION ALL
        SELECT n.site_id, n.date, n.category, r.life_area, r.support_kind, 1
        FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN contact_reasons r ON r.contact_id = n.id
        WHERE (o.site_id, o.date, o.category) IS DISTINCT FROM (n.site_id, n.date, n.category)
      ) y GROUP BY 1, 2, 3, 4, 5
    ) x;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Deleting a contact cascades to its reasons before any AFTER trigger of ours could read them, so a
-- contact's counts and its reasons' counts are taken off here, row by row, while both still exist.
-- The cascaded deletes of contact_reasons then find no contact and change nothing.
CREATE OR REPLACE FUNCTION stat_contacts_deleting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_add_contacts(ARRAY[OLD.site_id], ARRAY[OLD.date], ARRAY[OLD.category],
    ARRAY[OLD.contact_type], ARRAY[-1]);
  PERFORM stat_add_reasons(array_agg(OLD.site_id), array_agg(OLD.date), array_agg(OLD.category),
    array_agg(r.life_area), array_agg(r.support_kind), array_agg(-1))
  FROM contact_reasons r WHERE r.contact_id = OLD.id;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stat_contacts_ins AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_contacts_changed();
--> statement-breakpoint
CREATE TRIGGER stat_contacts_upd AFTER UPDATE ON contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_contacts_changed();
--> statement-breakpoint
CREATE TRIGGER stat_contacts_del BEFORE DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION stat_contacts_deleting();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_reasons_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM contacts c WHERE c.id IN (SELECT contact_id FROM new_rows) ORDER BY c.id FOR SHARE;
    PERFORM stat_add_reasons(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.la),
      array_agg(x.sk), array_agg(x.n))
    FROM (SELECT c.site_id s, c.date d, c.category c, r.life_area la, r.support_kind sk, count(*)::int n
          FROM new_rows r JOIN contacts c ON c.id = r.contact_id GROUP BY 1, 2, 3, 4, 5) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM contacts c WHERE c.id IN (SELECT contact_id FROM old_rows) ORDER BY c.id FOR SHARE;
    PERFORM stat_add_reasons(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.la),
      array_agg(x.sk), array_agg(x.n))
    FROM (SELECT c.site_id s, c.date d, c.category c, r.life_area la, r.support_kind sk, -count(*)::int n
          FROM old_rows r JOIN contacts c ON c.id = r.contact_id GROUP BY 1, 2, 3, 4, 5) x;
  ELSE
    PERFORM 1 FROM contacts c
    WHERE c.id IN (SELECT contact_id FROM old_rows UNION SELECT contact_id FROM new_rows)
    ORDER BY c.id FOR SHARE;
    PERFORM stat_add_reasons(array_agg(x.s), array_agg(x.d), array_agg(x.c), array_agg(x.la),
      array_agg(x.sk), array_agg(x.n))
    FROM (
      SELECT s, d, c, la, sk, sum(n)::int n FROM (
        SELECT c.site_id s, c.date d, c.category c, r.life_area la, r.support_kind sk, -1 n
        FROM old_rows r JOIN contacts c ON c.id = r.contact_id
        UNION ALL
        SELECT c.site_id, c.date, c.category, r.life_area, r.support_kind, 1
        FROM new_rows r JOIN contacts c ON c.id = r.contact_id
      ) y GROUP BY 1, 2, 3, 4, 5
    ) x;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stat_reasons_ins AFTER INSERT ON contact_reasons
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_reasons_changed();
--> statement-breakpoint
CREATE TRIGGER stat_reasons_upd AFTER UPDATE ON contact_reasons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stat_reasons_changed();
--> statement-breakpoint
CREATE TRIGGER stat_reasons_del AFTER DELETE ON contact_reasons
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_reasons_changed();
--> statement-breakpoint
-- TRUNCATE fires no row or statement triggers above; these keep the rollups exact anyway.
CREATE OR REPLACE FUNCTION stat_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'households' THEN
    DELETE FROM stat_households_day;
    DELETE FROM stat_households_month;
  ELSIF TG_TABLE_NAME = 'persons' THEN
    UPDATE stat_households_day SET persons = 0 WHERE persons <> 0;
    UPDATE stat_households_month SET persons = 0 WHERE persons <> 0;
  ELSIF TG_TABLE_NAME = 'contacts' THEN
    DELETE FROM stat_contacts_day;
    DELETE FROM stat_contacts_month;
    DELETE FROM stat_reasons_day;
    DELETE FROM stat_reasons_month;
  ELSIF TG_TABLE_NAME = 'contact_reasons' THEN
    DELETE FROM stat_reasons_day;
    DELETE FROM stat_reasons_month;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER stat_households_truncate AFTER TRUNCATE ON households
  FOR EACH STATEMENT EXECUTE FUNCTION stat_truncated();
--> statement-breakpoint
CREATE TRIGGER stat_persons_truncate AFTER TRUNCATE ON persons
  FOR EACH STATEMENT EXECUTE FUNCTION stat_truncated();
--> statement-breakpoint
CREATE TRIGGER stat_contacts_truncate AFTER TRUNCATE ON contacts
  FOR EACH STATEMENT EXECUTE FUNCTION stat_truncated();
--> statement-breakpoint
CREATE TRIGGER stat_reasons_truncate AFTER TRUNCATE ON contact_reasons
  FOR EACH STATEMENT EXECUTE FUNCTION stat_truncated();
--> statement-breakpoint
-- Recomputes every rollup from the base tables (backfill; repair). Blocks writers while it runs.
CREATE OR REPLACE FUNCTION stat_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE households, persons, contacts, contact_reasons IN SHARE MODE;
  DELETE FROM stat_households_day;
  DELETE FROM stat_households_month;
  DELETE FROM stat_contacts_day;
  DELETE FROM stat_contacts_month;
  DELETE FROM stat_reasons_day;
  DELETE FROM stat_reasons_month;
  INSERT INTO stat_households_day (site_id, day, category, district_code, households, persons)
  SELECT h.registered_site_id, h.registered_on, h.category, coalesce(h.district_code, ''),
    count(*), coalesce(sum(m.n), 0)
  FROM households h LEFT JOIN (SELECT household_id, count(*) n FROM persons GROUP BY 1) m
    ON m.household_id = h.id
  GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_households_month (site_id, month, category, district_code, households, persons)
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, district_code,
    sum(households), sum(persons)
  FROM stat_households_day GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_contacts_day (site_id, day, category, contact_type, contacts)
  SELECT site_id, date, category, contact_type, count(*) FROM contacts GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_contacts_month (site_id, month, category, contact_type, contacts)
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, contact_type, sum(contacts)
  FROM stat_contacts_day GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_reasons_day (site_id, day, category, life_area, support_kind, reasons)
  SELECT c.site_id, c.date, c.category, r.life_area, r.support_kind, count(*)
  FROM contact_reasons r JOIN contacts c ON c.id = r.contact_id GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO stat_reasons_month (site_id, month, category, life_area, support_kind, reasons)
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, life_area, support_kind, sum(reasons)
  FROM stat_reasons_day GROUP BY 1, 2, 3, 4, 5;
END;
$$;
--> statement-breakpoint
SELECT stat_rebuild();
