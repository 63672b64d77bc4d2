-- Append-only rollup deltas, folded later (performance issue 11, 8 writers on one site/day/type).
-- Since 0023 concurrent writers no longer wait for each other, but each contact still cost four upserts
-- (day and month for the contact and for its reasons) plus a bucket's advisory lock: a single writer lost
-- about a quarter of its throughput to them. Now the adders of 0017/0023 append their per-statement
-- deltas to one unindexed table per fact family (a plain heap insert, no index, no conflict check, no
-- lock), and stat_fold() moves the deltas into the rollups in one statement per family, a few times a
-- second in every API process (modules/statistics/fold.ts).
--
-- Exactness at every moment: a delta commits with the write that caused it; a fold deletes deltas and adds
-- them to the rollups in one statement (DELETE … RETURNING feeding the upserts), so any snapshot sees each
-- delta either in the delta table or in the rollups, never in both or neither. Readers read the views
-- stat_*_all (rollups UNION ALL deltas; the monthly views truncate a delta's day to its month) and sum, as
-- they summed the buckets before. Only stat_fold, stat_compact and stat_rebuild write the rollups now; they
-- take the fold lock (advisory 74214) so they never interleave. stat_rebuild() clears the deltas (it
-- counts their records from the base tables).
CREATE TABLE stat_households_delta (
  site_id uuid NOT NULL,
  day date NOT NULL,
  category text NOT NULL,
  district_code text NOT NULL,
  households integer NOT NULL,
  persons integer NOT NULL,
  household_key_sum bigint NOT NULL,
  person_key_sum bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE stat_contacts_delta (
  site_id uuid NOT NULL,
  day date NOT NULL,
  category text NOT NULL,
  contact_type text NOT NULL,
  contacts integer NOT NULL,
  key_sum bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE stat_reasons_delta (
  site_id uuid NOT NULL,
  day date NOT NULL,
  category text NOT NULL,
  life_area text NOT NULL,
  support_kind text NOT NULL,
  reasons integer NOT NULL,
  key_sum bigint NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_add_households(s uuid[], d date[], c text[], k text[], h int[], p int[],
  hk bigint[], pk bigint[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF s IS NULL OR cardinality(s) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO stat_households_delta
    (site_id, day, category, district_code, households, persons, household_key_sum, person_key_sum)
  SELECT x.site_id, x.day, x.category, x.district_code, sum(x.households), sum(x.persons), sum(x.hk),
    sum(x.pk)
  FROM unnest(s, d, c, k, h, p, hk, pk) AS x(site_id, day, category, district_code, households, persons, hk, pk)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.households) <> 0 OR sum(x.persons) <> 0 OR sum(x.hk) <> 0 OR sum(x.pk) <> 0;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_add_contacts(s uuid[], d date[], c text[], k text[], n int[], ks bigint[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF s IS NULL OR cardinality(s) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO stat_contacts_delta (site_id, day, category, contact_type, contacts, key_sum)
  SELECT x.site_id, x.day, x.category, x.contact_type, sum(x.n), sum(x.ks)
  FROM unnest(s, d, c, k, n, ks) AS x(site_id, day, category, contact_type, n, ks)
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.n) <> 0 OR sum(x.ks) <> 0;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_add_reasons(s uuid[], d date[], c text[], la text[], sk text[], n int[],
  ks bigint[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF s IS NULL OR cardinality(s) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO stat_reasons_delta (site_id, day, category, life_area, support_kind, reasons, key_sum)
  SELECT x.site_id, x.day, x.category, x.life_area, x.support_kind, sum(x.n), sum(x.ks)
  FROM unnest(s, d, c, la, sk, n, ks) AS x(site_id, day, category, life_area, support_kind, n, ks)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.n) <> 0 OR sum(x.ks) <> 0;
END;
$$;
--> statement-breakpoint
-- Inserts of contacts and reasons, the hot path (every contact logged): row triggers that append one delta
-- each, instead of 0004's statement triggers. A statement trigger with a transition table cost PostgreSQL
-- about 0.1 ms per statement before it did anything (the transition table's tuplestore, and its queries
-- planned again each time: they read an ephemeral relation). With the deltas appended, one contact with two
-- reasons cost the server 0.33 ms more than without the rollup triggers as statement triggers, and 0.08 ms
-- as row triggers (3,000 contacts in a loop in one session, repeated; the contact alone costs 0.3–0.4 ms). A bulk load still does not pay per row: the demo generation switches
-- these triggers off and rebuilds (demo/bulk-totals.ts). Updates and deletes keep their statement triggers.
CREATE FUNCTION stat_contact_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_contacts_delta (site_id, day, category, contact_type, contacts, key_sum)
  VALUES (NEW.site_id, NEW.date, NEW.category, NEW.contact_type, 1, stat_key(NEW.id::text));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A reason counts under its contact's site, day and category. A contact another transaction committed is
-- locked FOR SHARE first (as 0017 did for every insert), so that no concurrent update can move the contact
-- between reading its day here and this commit (the update's trigger, waiting for the lock, then sees this
-- reason and moves it too); a contact this transaction inserted itself is invisible to everyone else, and
-- needs no lock — the common case, a contact logged with its reasons.
CREATE FUNCTION stat_reason_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  SELECT site_id, date, category, xmin = pg_current_xact_id()::xid AS own INTO c
  FROM contacts WHERE id = NEW.contact_id;
  IF NOT c.own THEN
    SELECT site_id, date, category INTO c FROM contacts WHERE id = NEW.contact_id FOR SHARE;
  END IF;
  INSERT INTO stat_reasons_delta (site_id, day, category, life_area, support_kind, reasons, key_sum)
  VALUES (c.site_id, c.date, c.category, NEW.life_area, NEW.support_kind, 1,
    stat_reason_key(NEW.contact_id, NEW.life_area, NEW.support_kind));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER stat_contacts_ins ON contacts;
--> statement-breakpoint
CREATE TRIGGER stat_contacts_ins AFTER INSERT ON contacts
  FOR EACH ROW EXECUTE FUNCTION stat_contact_inserted();
--> statement-breakpoint
DROP TRIGGER stat_reasons_ins ON contact_reasons;
--> statement-breakpoint
CREATE TRIGGER stat_reasons_ins AFTER INSERT ON contact_reasons
  FOR EACH ROW EXECUTE FUNCTION stat_reason_inserted();
--> statement-breakpoint
-- What the readers read: the rollups and the deltas not yet folded, to be summed by key.
CREATE VIEW stat_households_day_all AS
  SELECT site_id, day, category, district_code, households, persons, household_key_sum, person_key_sum
  FROM stat_households_day
  UNION ALL
  SELECT site_id, day, category, district_code, households, persons, household_key_sum, person_key_sum
  FROM stat_households_delta;
--> statement-breakpoint
CREATE VIEW stat_households_month_all AS
  SELECT site_id, month, category, district_code, households, persons, household_key_sum, person_key_sum
  FROM stat_households_month
  UNION ALL
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, district_code, households, persons,
    household_key_sum, person_key_sum
  FROM stat_households_delta;
--> statement-breakpoint
CREATE VIEW stat_contacts_day_all AS
  SELECT site_id, day, category, contact_type, contacts, key_sum FROM stat_contacts_day
  UNION ALL
  SELECT site_id, day, category, contact_type, contacts, key_sum FROM stat_contacts_delta;
--> statement-breakpoint
CREATE VIEW stat_contacts_month_all AS
  SELECT site_id, month, category, contact_type, contacts, key_sum FROM stat_contacts_month
  UNION ALL
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, contact_type, contacts, key_sum
  FROM stat_contacts_delta;
--> statement-breakpoint
CREATE VIEW stat_reasons_day_all AS
  SELECT site_id, day, category, life_area, support_kind, reasons, key_sum FROM stat_reasons_day
  UNION ALL
  SELECT site_id, day, category, life_area, support_kind, reasons, key_sum FROM stat_reasons_delta;
--> statement-breakpoint
CREATE VIEW stat_reasons_month_all AS
  SELECT site_id, month, category, life_area, support_kind, reasons, key_sum FROM stat_reasons_month
  UNION ALL
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, life_area, support_kind, reasons,
    key_sum
  FROM stat_reasons_delta;
--> statement-breakpoint
-- (A data-modifying WITH runs to completion whether or not the outer query reads it: both upserts see the
-- same deleted rows, and the count is of those.)
-- Moves every committed delta into the rollups (bucket 0). Returns the number of delta rows folded, or -1
-- when another fold holds the lock and `wait` is false (the API's timer: the other fold does the work).
CREATE FUNCTION stat_fold(wait boolean DEFAULT false) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  n integer := 0;
  m integer;
BEGIN
  IF wait THEN
    PERFORM pg_advisory_xact_lock(74214);
  ELSIF NOT pg_try_advisory_xact_lock(74214) THEN
    RETURN -1;
  END IF;
  WITH moved AS (DELETE FROM stat_households_delta RETURNING *),
  days AS (
    INSERT INTO stat_households_day AS t
      (site_id, day, category, district_code, households, persons, household_key_sum, person_key_sum)
    SELECT site_id, day, category, district_code, sum(households), sum(persons), sum(household_key_sum),
      sum(person_key_sum)
    FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (site_id, day, category, district_code, bucket) DO UPDATE
      SET households = t.households + EXCLUDED.households, persons = t.persons + EXCLUDED.persons,
        household_key_sum = t.household_key_sum + EXCLUDED.household_key_sum,
        person_key_sum = t.person_key_sum + EXCLUDED.person_key_sum
  ),
  months AS (
    INSERT INTO stat_households_month AS t
      (site_id, month, category, district_code, households, persons, household_key_sum, person_key_sum)
    SELECT site_id, date_trunc('month', day::timestamp)::date, category, district_code, sum(households),
      sum(persons), sum(household_key_sum), sum(person_key_sum)
    FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (site_id, month, category, district_code, bucket) DO UPDATE
      SET households = t.households + EXCLUDED.households, persons = t.persons + EXCLUDED.persons,
        household_key_sum = t.household_key_sum + EXCLUDED.household_key_sum,
        person_key_sum = t.person_key_sum + EXCLUDED.person_key_sum
  )
  SELECT count(*) FROM moved INTO m;
  n := n + m;
  WITH moved AS (DELETE FROM stat_contacts_delta RETURNING *),
  days AS (
    INSERT INTO stat_contacts_day AS t (site_id, day, category, contact_type, contacts, key_sum)
    SELECT site_id, day, category, contact_type, sum(contacts), sum(key_sum)
    FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (site_id, day, category, contact_type, bucket) DO UPDATE
      SET contacts = t.contacts + EXCLUDED.contacts, key_sum = t.key_sum + EXCLUDED.key_sum
  ),
  months AS (
    INSERT INTO stat_contacts_month AS t (site_id, month, category, contact_type, contacts, key_sum)
    SELECT site_id, date_trunc('month', day::timestamp)::date, category, contact_type, sum(contacts),
      sum(key_sum)
    FROM moved GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (site_id, month, category, contact_type, bucket) DO UPDATE
      SET contacts = t.contacts + EXCLUDED.contacts, key_sum = t.key_sum + EXCLUDED.key_sum
  )
  SELECT count(*) FROM moved INTO m;
  n := n + m;
  WITH moved AS (DELETE FROM stat_reasons_delta RETURNING *),
  days AS (
    INSERT INTO stat_reasons_day AS t (site_id, day, category, life_area, support_kind, reasons, key_sum)
    SELECT site_id, day, category, life_area, support_kind, sum(reasons), sum(key_sum)
    FROM moved GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (site_id, day, category, life_area, support_kind, bucket) DO UPDATE
      SET reasons = t.reasons + EXCLUDED.reasons, key_sum = t.key_sum + EXCLUDED.key_sum
  ),
  months AS (
    INSERT INTO stat_reasons_month AS t
      (site_id, month, category, life_area, support_kind, reasons, key_sum)
    SELECT site_id, date_trunc('month', day::timestamp)::date, category, life_area, support_kind,
      sum(reasons), sum(key_sum)
    FROM moved GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (site_id, month, category, life_area, support_kind, bucket) DO UPDATE
      SET reasons = t.reasons + EXCLUDED.reasons, key_sum = t.key_sum + EXCLUDED.key_sum
  )
  SELECT count(*) FROM moved INTO m;
  RETURN n + m;
END;
$$;
--> statement-breakpoint
-- 0023's compaction, now under the fold lock (it rewrites rollup rows the fold may be adding to)
ALTER FUNCTION stat_compact() RENAME TO stat_compact_unlocked;
--> statement-breakpoint
CREATE FUNCTION stat_compact() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(74214);
  PERFORM stat_compact_unlocked();
END;
$$;
--> statement-breakpoint
-- no adder takes a bucket any more: every delta goes to the delta tables, the fold writes bucket 0
DROP FUNCTION stat_bucket();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(74214);
  IF TG_TABLE_NAME = 'households' THEN
    DELETE FROM stat_households_day;
    DELETE FROM stat_households_month;
    DELETE FROM stat_households_delta;
  ELSIF TG_TABLE_NAME = 'persons' THEN
    UPDATE stat_households_day SET persons = 0, person_key_sum = 0 WHERE persons <> 0 OR person_key_sum <> 0;
    UPDATE stat_households_month SET persons = 0, person_key_sum = 0 WHERE persons <> 0 OR person_key_sum <> 0;
    UPDATE stat_households_delta SET persons = 0, person_key_sum = 0
      WHERE persons <> 0 OR person_key_sum <> 0;
  ELSIF TG_TABLE_NAME = 'contacts' THEN
    DELETE FROM stat_contacts_day;
    DELETE FROM stat_contacts_month;
    DELETE FROM stat_reasons_day;
    DELETE FROM stat_reasons_month;
    DELETE FROM stat_contacts_delta;
    DELETE FROM stat_reasons_delta;
  ELSIF TG_TABLE_NAME = 'contact_reasons' THEN
    DELETE FROM stat_reasons_day;
    DELETE FROM stat_reasons_month;
    DELETE FROM stat_reasons_delta;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- 0017's rebuild, under the fold lock, and clearing the deltas: it counts every record from the base tables
CREATE OR REPLACE FUNCTION stat_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(74214);
  LOCK TABLE households, persons, contacts, contact_reasons IN SHARE MODE;
  DELETE FROM stat_households_delta;
  DELETE FROM stat_contacts_delta;
  DELETE FROM stat_reasons_delta;
  DELETE FROM stat_households_day;
  DELETE FROM stat_households_month;
  DELETE FROM stat_contacts_day;
  DELETE FROM stat_contacts_month;
  DELETE FROM stat_reasons_day;
  DELETE FROM stat_reasons_month;
  INSERT INTO stat_households_day
    (site_id, day, category, district_code, households, persons, household_key_sum, person_key_sum)
  SELECT h.registered_site_id, h.registered_on, h.category, coalesce(h.district_code, ''),
    count(*), coalesce(sum(m.n), 0), sum(stat_key(h.id::text)), coalesce(sum(m.keys), 0)
  FROM households h
  LEFT JOIN (SELECT household_id, count(*) n, sum(stat_key(id::text)) keys FROM persons GROUP BY 1) m
    ON m.household_id = h.id
  GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_households_month
    (site_id, month, category, district_code, households, persons, household_key_sum, person_key_sum)
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, district_code,
    sum(households), sum(persons), sum(household_key_sum), sum(person_key_sum)
  FROM stat_households_day GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_contacts_day (site_id, day, category, contact_type, contacts, key_sum)
  SELECT site_id, date, category, contact_type, count(*), sum(stat_key(id::text))
  FROM contacts GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_contacts_month (site_id, month, category, contact_type, contacts, key_sum)
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, contact_type, sum(contacts),
    sum(key_sum)
  FROM stat_contacts_day GROUP BY 1, 2, 3, 4;
  INSERT INTO stat_reasons_day (site_id, day, category, life_area, support_kind, reasons, key_sum)
  SELECT c.site_id, c.date, c.category, r.life_area, r.support_kind, count(*),
    sum(stat_reason_key(r.contact_id, r.life_area, r.support_kind))
  FROM contact_reasons r JOIN contacts c ON c.id = r.contact_id GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO stat_reasons_month (site_id, month, category, life_area, support_kind, reasons, key_sum)
  SELECT site_id, date_trunc('month', day::timestamp)::date, category, life_area, support_kind, sum(reasons),
    sum(key_sum)
  FROM stat_reasons_day GROUP BY 1, 2, 3, 4, 5;
END;
$$;
--> statement-breakpoint
SELECT stat_fold(true);
