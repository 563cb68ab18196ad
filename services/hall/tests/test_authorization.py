"""Every operation of the hall service, called by every kind of caller, answers as
authorization_table.py says (the engine: sunshine_kit.access_matrix)."""

from sunshine_kit.access_matrix import authorization_tests

test_every_operation_has_an_expected_answer, test_who_may_call = authorization_tests(__file__)
