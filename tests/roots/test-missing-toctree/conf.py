extensions = ["myst_nb"]
nb_execution_mode = "off"
