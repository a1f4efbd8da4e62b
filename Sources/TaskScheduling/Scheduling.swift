import SpecKitTasks
import TaskGraph
