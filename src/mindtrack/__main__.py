from mindtrack.cli import app

app(prog_name="mindtrack")
