import StackPlanCommands

Entrypoint.main()
