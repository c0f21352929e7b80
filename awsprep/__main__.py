from awsprep.cli.main import run

run()
