// Checks an iCalendar file (RFC 5545) with ical.js, a parser independent of the library that wrote
// it, and prints what it read as JSON: {errors: [...], calendar: {...}, events: [...]}, each event's
// start and end converted to UTC by ical.js from the file's own VTIMEZONE definitions.
// Usage: node scripts/ics-check.mjs feed.ics
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const path = process.argv[2];
if (!path) {
  console.error('usage: node scripts/ics-check.mjs <file.ics>');
  process.exit(2);
}

const raw = readFileSync(path);
const text = raw.toString('utf8');
const errors = [];

// 3.1: lines end in CRLF and are at most 75 octets long, excluding the line break.
const lines = text.split('\r\n');
if (lines.at(-1) !== '') errors.push('the content does not end with CRLF');
lines.slice(0, -1).forEach((line, i) => {
  if (line.includes('\n') || line.includes('\r')) errors.push(`line ${i + 1} has a bare line break`);
  if (Buffer.byteLength(line, 'utf8') > 75) errors.push(`line ${i + 1} is longer than 75 octets`);
});

let calendar = null;
const events = [];
try {
  const root = new ICAL.Component(ICAL.parse(text));
  if (root.name !== 'vcalendar') errors.push(`the top component is ${root.name}, not VCALENDAR`);
  const version = root.getFirstPropertyValue('version');
  const prodid = root.getFirstPropertyValue('prodid');
  if (version !== '2.0') errors.push(`VERSION is ${version}, not 2.0`);
  if (!prodid) errors.push('PRODID is missing');

  const zones = new Set();
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtimezone);
    if (!zone.tzid) errors.push('a VTIMEZONE has no TZID');
    if (vtimezone.getAllSubcomponents().filter(c => c.name === 'standard' || c.name === 'daylight').length === 0) {
      errors.push(`VTIMEZONE ${zone.tzid} has neither STANDARD nor DAYLIGHT`);
    }
    ICAL.TimezoneService.register(zone);
    zones.add(zone.tzid);
  }

  calendar = {
    version,
    prodid,
    method: root.getFirstPropertyValue('method'),
    name: root.getFirstPropertyValue('x-wr-calname'),
    timezones: [...zones],
  };

  for (const vevent of root.getAllSubcomponents('vevent')) {
    const uid = vevent.getFirstPropertyValue('uid');
    for (const required of ['uid', 'dtstamp', 'dtstart']) {
      if (!vevent.hasProperty(required)) errors.push(`an event (${uid}) has no ${required.toUpperCase()}`);
    }
    if (vevent.hasProperty('dtend') && vevent.hasProperty('duration')) errors.push(`event ${uid} has both DTEND and DURATION`);
    const start = vevent.getFirstProperty('dtstart');
    const tzid = start?.getParameter('tzid') ?? null;
    if (tzid && !zones.has(tzid)) errors.push(`event ${uid} uses TZID ${tzid}, which no VTIMEZONE defines`);
    const event = new ICAL.Event(vevent);
    events.push({
      uid,
      summary: event.summary,
      description: event.description,
      url: vevent.getFirstPropertyValue('url'),
      tzid,
      local: event.startDate?.toString(),
      allDay: event.startDate?.isDate ?? false,
      startUtc: event.startDate?.isDate ? null : event.startDate?.toJSDate().toISOString(),
      endUtc: event.endDate?.isDate ? null : event.endDate?.toJSDate().toISOString(),
    });
  }
} catch (e) {
  errors.push(`ical.js could not parse the file: ${e.message}`);
}

console.log(JSON.stringify({ errors, calendar, events }));
