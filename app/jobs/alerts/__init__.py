"""Alerts: events raised by detection runs (outbox), webhooks, and their signed, retried delivery."""
