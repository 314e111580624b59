"""Plain typed values passed between layers: no Qt, no ORM."""
