import SpecGraphCommands

SpecGraphCommand.mainSuggestingCommands()
