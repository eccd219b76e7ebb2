from unionxl.cli import run

run()
