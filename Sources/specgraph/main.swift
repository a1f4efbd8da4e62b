import SpecGraphCommands

SpecGraphCommand.main()
