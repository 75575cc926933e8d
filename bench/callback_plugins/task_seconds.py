# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""For the benchmarks under bench/ (benchlib enables it in every ansible-playbook run they make): at the end of a
playbook, one line ``TASK SECONDS <seconds> <task name>`` per task, the time from the task's start to the next
task's start (or to the end of the play), loop items and result handling included."""

from __future__ import annotations

import time

from ansible.plugins.callback import CallbackBase

PREFIX = 'TASK SECONDS'


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'task_seconds'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super(CallbackModule, self).__init__()
        self.tasks = []
        self.current = None

    def close_task(self):
        if self.current is not None:
            name, start = self.current
            self.tasks.append((time.monotonic() - start, name))
            self.current = None

    def v2_playbook_on_task_start(self, task, is_conditional):
        self.close_task()
        self.current = (task.get_name(), time.monotonic())

    def v2_playbook_on_handler_task_start(self, task):
        self.v2_playbook_on_task_start(task, False)

    def v2_playbook_on_stats(self, stats):
        self.close_task()
        for seconds, name in self.tasks:
            self._display.display('%s %.3f %s' % (PREFIX, seconds, name))
