"""Machine codes of the centres' and windows' refusals."""

CENTRE_NOT_FOUND = "centre_not_found"
WINDOW_NOT_FOUND = "window_not_found"
WINDOW_NUMBER_TAKEN = "window_number_taken"
ITEM_NOT_AT_WINDOW_UNIT = "item_not_at_window_unit"
ITEM_RETIRED = "item_retired"
UNIT_STILL_HAS_ITEMS = "unit_still_has_items"
DUPLICATE_ENTRY = "duplicate_entry"
