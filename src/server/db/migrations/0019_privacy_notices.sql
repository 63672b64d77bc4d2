CREATE TABLE "privacy_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "privacy_notices" ADD CONSTRAINT "privacy_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_notices_language_version_idx" ON "privacy_notices" USING btree ("language","version");--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "privacy_notice_id" uuid;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_privacy_notice_id_privacy_notices_id_fk" FOREIGN KEY ("privacy_notice_id") REFERENCES "public"."privacy_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "privacy_notices" ("version", "language", "title", "body") VALUES
(1, 'de', 'Datenschutzhinweise zur Integrationsberatung (Art. 13 DSGVO)', $$Verantwortlich für die Verarbeitung Ihrer Daten ist die Stadtverwaltung (Anschrift: siehe Aushang an Ihrem Standort). Die oder den behördlichen Datenschutzbeauftragten erreichen Sie unter derselben Anschrift.

Zweck: Wir speichern Ihre Angaben, um Sie und Ihren Haushalt zu beraten und zu begleiten, und um anonyme Statistiken für die Planung der Stadt zu erstellen. Aus den Statistiken kann niemand auf Sie schließen.

Welche Daten: Namen, Geburtsdatum, Anschrift, Telefon, Sprachen, Aufenthaltsstatus, Ihre Anliegen und die Kontakte mit uns. Besondere Daten (zum Beispiel zur Gesundheit) nur, soweit Sie sie uns für die Beratung mitteilen.

Rechtsgrundlage: Ihre Einwilligung (Art. 6 Abs. 1 Buchst. a und Art. 9 Abs. 2 Buchst. a DSGVO) und die Aufgaben der Stadt (Art. 6 Abs. 1 Buchst. e DSGVO, §§ 67 ff. SGB X).

Empfänger: Nur mit Ihrer ausdrücklichen Einwilligung geben wir Daten an die Stellen weiter, die in Ihrer Einwilligung genannt sind (zum Beispiel Träger von Sprachkursen oder Beratungsstellen, Ehrenamtliche für eine Patenschaft). Die Einwilligung können Sie für jede Stelle einzeln geben.

Speicherdauer: Nach dem Ende der Beratung werden Ihre persönlichen Daten nach den Löschfristen der Stadt anonymisiert, in der Regel 12 Monate nach dem letzten Kontakt, Notizen schon nach 6 Monaten.

Ihre Rechte: Auskunft (Art. 15), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21 DSGVO). Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen. Sie können sich bei der Aufsichtsbehörde für den Datenschutz beschweren.

Ihre Angaben sind freiwillig. Ohne sie können wir Sie nur eingeschränkt beraten.$$),
(1, 'en', 'Privacy notice for integration counselling (Art. 13 GDPR)', $$The city administration is responsible for processing your data (address: see the notice at your site). You can reach its data protection officer at the same address.

Purpose: we store your details to advise and accompany you and your household, and to compile anonymous statistics for the city's planning. Nobody can identify you from these statistics.

Which data: names, date of birth, address, phone, languages, residence status, your concerns and your contacts with us. Special categories of data (for example on health) only as far as you tell us for the counselling.

Legal basis: your consent (Art. 6(1)(a) and Art. 9(2)(a) GDPR) and the city's tasks (Art. 6(1)(e) GDPR, sections 67 ff. SGB X).

Recipients: only with your express consent do we pass data on to the bodies named in your consent (for example providers of language courses or counselling services, volunteers for a mentorship). You can give your consent for each body separately.

Storage period: after the counselling ends, your personal data are anonymised according to the city's retention periods, as a rule 12 months after the last contact, notes after 6 months already.

Your rights: access (Art. 15), rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18), data portability (Art. 20) and objection (Art. 21 GDPR). You can withdraw a consent at any time with effect for the future. You can lodge a complaint with the data protection supervisory authority.

Your details are voluntary. Without them we can advise you only to a limited extent.$$),
(1, 'ar', '[PLATZHALTER – Übersetzung durch die Stadt / to be translated by the city] Datenschutzhinweise (Arabisch)', $$PLATZHALTER: Dieser Text muss von der Stadt ins Arabische übersetzt und als neue Version veröffentlicht werden. Bis dahin gilt der deutsche Text.
PLACEHOLDER: to be translated into Arabic by the city and published as a new version. Until then the German text applies.$$),
(1, 'fa', '[PLATZHALTER – Übersetzung durch die Stadt / to be translated by the city] Datenschutzhinweise (Farsi/Dari)', $$PLATZHALTER: Dieser Text muss von der Stadt ins Farsi/Dari übersetzt und als neue Version veröffentlicht werden. Bis dahin gilt der deutsche Text.
PLACEHOLDER: to be translated into Farsi/Dari by the city and published as a new version. Until then the German text applies.$$),
(1, 'uk', '[PLATZHALTER – Übersetzung durch die Stadt / to be translated by the city] Datenschutzhinweise (Ukrainisch)', $$PLATZHALTER: Dieser Text muss von der Stadt ins Ukrainische übersetzt und als neue Version veröffentlicht werden. Bis dahin gilt der deutsche Text.
PLACEHOLDER: to be translated into Ukrainian by the city and published as a new version. Until then the German text applies.$$);
