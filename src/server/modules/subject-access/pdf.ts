import PDFDocument from 'pdfkit';
import type { PersonExport } from '../../../shared/schemas/export.js';
import { facts, heading, page, paragraph, table } from './pdf-table.js';
import { day, instant, label, t } from './texts.js';

type Person = PersonExport['person'];
const f = (key: string) => t(`privacy.pdf.fields.${key}`);
const s = (key: string) => t(`privacy.pdf.sections.${key}`);
const none = () => t('privacy.pdf.none');
const yesNo = (v: boolean) => t(v ? 'privacy.pdf.yes' : 'privacy.pdf.no');
const text = (v: string | null | undefined) => v ?? '–';

function personFacts(p: Person): [string, string][] {
  const birth = p.birthDate ? day(p.birthDate) : p.birthYear ? String(p.birthYear) : '–';
  return [
    [f('name'), `${p.firstName} ${p.lastName}`],
    [f('birth'), birth],
    [f('gender'), label('casework.gender', p.gender)],
    [f('nationality'), text(p.nationality)],
    [f('languages'), p.languages.join(', ') || '–'],
    [f('residenceStatus'), p.residenceStatus?.label ?? '–'],
    [f('residenceValidUntil'), day(p.residenceValidUntil)],
    [f('residenceRequirement'), text(p.residenceRequirement)],
    [f('role'), label('casework.role', p.roleInHousehold)],
    [f('leftOn'), day(p.leftOn)],
    [f('createdAt'), instant(p.createdAt)],
  ];
}

function consentScope(c: PersonExport['consents'][number]) {
  const parts = [
    c.processing ? t('privacy.pdf.scopes.processing') : null,
    c.contactByPhone ? t('privacy.pdf.scopes.phone') : null,
    c.volunteerContact ? t('privacy.pdf.scopes.volunteer') : null,
    c.sharingOrganisations.length
      ? t('privacy.pdf.scopes.sharing', { list: c.sharingOrganisations.map((o) => o.label).join(', ') })
      : null,
  ];
  return parts.filter(Boolean).join('; ') || '–';
}

/** The export as a printable German A4 document: headings, facts and tables, page numbers. */
export function renderPdf(data: PersonExport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: page.margin,
    bufferPages: true,
    info: { Title: t('privacy.pdf.title'), Author: 'Quartier' },
    lang: 'de-DE',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const h = data.household;
  const whole = data.coverage === 'personAndHousehold';

  doc.font('Helvetica-Bold').fontSize(16).text(t('privacy.pdf.title'));
  doc.moveDown(0.4);
  paragraph(doc, t('privacy.pdf.intro', { household: whole ? t('privacy.pdf.introHousehold') : '' }), 10);
  paragraph(doc, t('privacy.pdf.generated', { date: instant(data.generatedAt), name: data.generatedBy }));
  doc.moveDown(0.3);
  paragraph(doc, t('privacy.pdf.scriptNote'), 8);

  heading(doc, s('person'));
  facts(doc, personFacts(data.person));
  heading(doc, s('household'));
  facts(doc, [
    [f('caseNumber'), h.caseNumber],
    [f('site'), h.site],
    [f('registeredSite'), h.registeredSite],
    [f('category'), h.category.label],
    [f('registeredOn'), day(h.registeredOn)],
    [
      f('address'),
      [h.street, [h.postcode, h.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–',
    ],
    [f('district'), [h.district?.label, h.subdistrict?.label].filter(Boolean).join(' / ') || '–'],
    [f('movedInOn'), day(h.movedInOn)],
    [f('languages'), h.languages.join(', ') || '–'],
    [f('status'), label('casework.householdStatus', h.status)],
    [f('anonymisedAt'), instant(h.anonymisedAt)],
  ]);
  if (whole) {
    heading(doc, s('members'));
    table(
      doc,
      [f('name'), f('birth'), f('gender'), f('role'), f('leftOn')],
      [0.34, 0.16, 0.16, 0.2, 0.14],
      data.members.map((m) => [
        `${m.firstName} ${m.lastName}`,
        m.birthDate ? day(m.birthDate) : String(m.birthYear ?? '–'),
        label('casework.gender', m.gender),
        label('casework.role', m.roleInHousehold),
        day(m.leftOn),
      ]),
      none(),
    );
  }
  heading(doc, s('consents'));
  table(
    doc,
    [f('givenOn'), f('scopes'), f('notice'), f('withdrawnOn')],
    [0.14, 0.5, 0.2, 0.16],
    data.consents.map((c) => [
      day(c.givenOn),
      consentScope(c),
      [c.noticeLanguage, c.noticeVersion].filter(Boolean).join(' / ') || '–',
      day(c.withdrawnOn),
    ]),
    none(),
  );
  heading(doc, s('needs'));
  table(
    doc,
    [f('date'), f('lifeArea'), f('level'), f('obstacles'), f('goals')],
    [0.13, 0.2, 0.08, 0.27, 0.32],
    data.needs.map((n) => [
      day(n.assessedOn),
      n.lifeArea.label,
      String(n.level),
      n.obstacles.map((o) => o.label).join(', ') || '–',
      text(n.goals),
    ]),
    none(),
  );
  heading(doc, s('referrals'));
  table(
    doc,
    [f('date'), f('organisation'), f('lifeArea'), f('status'), f('sharesData'), f('outcome')],
    [0.12, 0.22, 0.18, 0.14, 0.12, 0.22],
    data.referrals.map((r) => [
      day(r.date),
      r.organisation.label,
      r.lifeArea.label,
      label('casework.referrals.status', r.status),
      yesNo(r.sharesData),
      text(r.outcome),
    ]),
    none(),
  );
  heading(doc, s('contacts'));
  table(
    doc,
    [f('date'), f('contactType'), f('reasons'), f('note')],
    [0.12, 0.18, 0.38, 0.32],
    data.contacts.map((c) => [
      day(c.date),
      c.contactType.label,
      c.reasons.map((r) => `${r.lifeArea.label}: ${r.supportKind.label}`).join('\n') || '–',
      text(c.note),
    ]),
    none(),
  );
  if (whole) {
    heading(doc, s('appointments'));
    table(
      doc,
      [f('date'), f('time'), f('language'), f('note')],
      [0.15, 0.15, 0.2, 0.5],
      data.appointments.map((a) => [
        day(a.date),
        `${a.startTime} (${a.durationMinutes} min)`,
        text(a.languageNeeded),
        text(a.note),
      ]),
      none(),
    );
    heading(doc, s('followUps'));
    table(
      doc,
      [f('date'), f('text'), f('done')],
      [0.15, 0.6, 0.25],
      data.followUps.map((u) => [day(u.dueOn), u.text, instant(u.doneAt)]),
      none(),
    );
    heading(doc, s('transfers'));
    table(
      doc,
      [f('date'), f('from'), f('to'), f('note')],
      [0.15, 0.25, 0.25, 0.35],
      data.transfers.map((x) => [day(x.transferredOn), x.from, x.to, text(x.note)]),
      none(),
    );
    heading(doc, s('volunteerAssignments'));
    table(
      doc,
      [f('volunteer'), f('period'), f('status')],
      [0.4, 0.35, 0.25],
      data.volunteerAssignments.map((v) => [v.volunteer, `${day(v.startsOn)} – ${day(v.endsOn)}`, v.status]),
      none(),
    );
    heading(doc, s('mediatorBookings'));
    table(
      doc,
      [f('date'), f('time'), f('mediator'), f('language'), f('status')],
      [0.14, 0.16, 0.3, 0.2, 0.2],
      data.mediatorBookings.map((b) => [
        day(b.date),
        `${b.fromTime}–${b.toTime}`,
        b.mediator,
        b.language,
        b.status,
      ]),
      none(),
    );
  }
  heading(doc, s('casePlans'));
  table(
    doc,
    [f('programme'), f('status'), f('date')],
    [0.4, 0.3, 0.3],
    data.casePlans.map((p) => [p.programme, p.status, p.reviewDates.map(day).join(', ') || '–']),
    none(),
  );
  heading(doc, s('accesses'));
  table(
    doc,
    [f('at'), f('actor'), f('action'), f('record')],
    [0.2, 0.32, 0.28, 0.2],
    data.accesses.map((a) => [
      instant(a.at),
      `${a.actor ?? '–'}${a.role ? ` (${label('roles', a.role)})` : ''}`,
      label('audit.actions', a.action),
      label('audit.entityTypes', a.entityType),
    ]),
    none(),
  );

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(t('privacy.pdf.page', { n: i + 1, total: range.count }), page.margin, page.height - 35, {
        width: page.width - 2 * page.margin,
        align: 'center',
      });
  }
  doc.end();
  return done;
}
