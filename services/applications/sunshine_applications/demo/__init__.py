"""The demo district's applications (依申请公开): about a year and a half of them.

`python -m sunshine_applications.demo` writes them once the gateway has sent the district's
units; `generator` makes the records without a database, `loader` writes them, and the
benchmark bench/applications_inbox.py reuses both for a hundred thousand.
"""
