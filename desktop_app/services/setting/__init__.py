"""The setting itself: who a social worker calls back (About the setting) and the days it is closed."""
