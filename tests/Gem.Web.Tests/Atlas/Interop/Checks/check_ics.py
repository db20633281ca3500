"""Parses each .ics file given with python3-icalendar (Debian package); prints one JSON line per file like check-ics.mjs."""
import json, sys
from icalendar import Calendar

failed = 0
for path in sys.argv[1:]:
    try:
        cal = Calendar.from_ical(open(path, "rb").read())
        events = [{"uid": str(e.get("uid")), "sequence": int(e.get("sequence", 0)), "status": str(e.get("status")) if e.get("status") else None}
                  for e in cal.walk("VEVENT")]
        method = cal.get("method")
        print(json.dumps({"file": path, "parser": "python-icalendar", "method": str(method) if method else None, "events": events}))
    except Exception as e:  # noqa: BLE001 - every failure is reported
        failed += 1
        print(json.dumps({"file": path, "parser": "python-icalendar", "error": str(e)}))
sys.exit(1 if failed else 0)
