"""Pages that are not grids: the task list or progress report written as paragraphs.

Modules, each with the rules it implements in its docstring:

- :mod:`.listing` (with :mod:`.structure`, :mod:`.items` and :mod:`.document`) — a **prose
  list**: numbered paragraphs, each a task, with 责任单位 lines or unit notes;
- :mod:`.forms` — **forms**: one small key-value form per task or project (项目名称:… /
  进展情况:… / 存在困难和问题:…), read as a Grid;
- :mod:`.refusal` — what a page that is none of these holds, said as the reason it is
  refused ("prose news, no task list to import").

The text reader (:mod:`luoshi.ingest.text.reader`) tries them in that order when no table
header is found.
"""

from luoshi.ingest.text.prose.forms import FORMS_LAYOUT, forms_grid
from luoshi.ingest.text.prose.listing import read_prose
from luoshi.ingest.text.prose.refusal import explainer_title, no_task_list_error
from luoshi.ingest.text.prose.structure import PROSE_LAYOUT

__all__ = [
    "FORMS_LAYOUT",
    "PROSE_LAYOUT",
    "explainer_title",
    "forms_grid",
    "no_task_list_error",
    "read_prose",
]
