import SpecGraphCommands

SpecGraphCommand.mainCheckingWrites()
