"""A real SMTP server for the mail tests (Debian's python3-aiosmtpd).

Usage: smtp_sink.py PORT FOLDER [DELAY_SECONDS]
Every accepted message is written to FOLDER as one file (written to a temp name, then renamed, so a file that
exists is complete). DELAY_SECONDS slows each RCPT down (before the message is transferred), so a batch takes a
while and a sender can be killed in the middle of it without a half-received message.
A recipient refuse@… is refused for good (550).
"""
import asyncio, os, sys, uuid
from aiosmtpd.controller import Controller

port, folder = int(sys.argv[1]), sys.argv[2]
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
os.makedirs(folder, exist_ok=True)


class Sink:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if delay:
            await asyncio.sleep(delay)
        if address.startswith("refuse@"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(folder, uuid.uuid4().hex)
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(name + ".tmp", name + ".eml")
        return "250 Message accepted for delivery"


controller = Controller(Sink(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
try:
    sys.stdin.read()  # runs until killed or stdin closes
finally:
    controller.stop()
