// ncurses backend.
