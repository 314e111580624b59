"""Finding records from anywhere: the search box (Ctrl+F) over children's names and the concerns' full text."""
