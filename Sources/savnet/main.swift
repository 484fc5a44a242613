import SavnetCommands
SavnetCommand.main()
