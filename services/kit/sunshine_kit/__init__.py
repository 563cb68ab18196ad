"""Sunshine kit: the small shared library every Sunshine service stands on.

Generic on purpose: settings, database session, auth, working-day calendar, outbox, audit,
errors and pagination. No disclosure, application or hall rules live here.
"""
