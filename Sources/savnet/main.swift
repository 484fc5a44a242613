import SavnetCommands

SavnetCommand.start()
