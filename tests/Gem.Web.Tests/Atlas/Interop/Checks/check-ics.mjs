// Parses each .ics file given with ical.js and node-ical; prints one JSON line per file and parser
// {file, parser, method, events:[{uid, sequence, status}], error}. Exit code 1 when any parser failed.
import fs from "node:fs";
import ICAL from "ical.js";
import nodeIcal from "node-ical";

let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, "utf8");
  try {
    const root = new ICAL.Component(ICAL.parse(text));
    const events = root.getAllSubcomponents("vevent").map(e => ({
      uid: e.getFirstPropertyValue("uid"), sequence: e.getFirstPropertyValue("sequence"), status: e.getFirstPropertyValue("status"),
    }));
    console.log(JSON.stringify({ file, parser: "ical.js", method: root.getFirstPropertyValue("method"), events }));
  } catch (e) { failed++; console.log(JSON.stringify({ file, parser: "ical.js", error: String(e) })); }
  try {
    const parsed = nodeIcal.sync.parseICS(text);
    const values = Object.values(parsed);
    const events = values.filter(v => v.type === "VEVENT").map(v => ({ uid: v.uid, sequence: Number(v.sequence), status: v.status }));
    const calendar = values.find(v => v.type === "VCALENDAR");
    console.log(JSON.stringify({ file, parser: "node-ical", method: calendar?.method ?? null, events }));
  } catch (e) { failed++; console.log(JSON.stringify({ file, parser: "node-ical", error: String(e) })); }
}
process.exit(failed ? 1 : 0);
