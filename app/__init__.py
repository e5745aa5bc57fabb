"""exeplay's front end: the command line (and later the launcher, SDL window, presenter and input)."""
