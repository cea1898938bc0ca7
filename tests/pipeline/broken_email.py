"""Email backends that fail: one whose server is down, one that never answers."""

import threading

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server refused the connection")


class HangingBackend(BaseEmailBackend):
    """Blocks every send until the test sets `released`; `entered` says a send began."""

    entered = threading.Event()
    released = threading.Event()

    def send_messages(self, email_messages):
        self.entered.set()
        self.released.wait()
        return len(email_messages)
