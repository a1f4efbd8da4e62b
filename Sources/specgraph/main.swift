import SpecGraphCommands

SpecGraphCommand.runExecutable()
