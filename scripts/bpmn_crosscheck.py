#!/usr/bin/env python3
"""Runs a BPMN export of an SOP (`sop render --format bpmn`) on a real BPMN engine, SpiffWorkflow.

The file is first validated against the BPMN 2.0 XML Schema that SpiffWorkflow ships, then parsed
and run as one case:

- the case data (a JSON object, field name to value: booleans as true/false, numbers as numbers,
  texts, choices and dates "YYYY-MM-DD" as strings) is the data of the process, so the gateways'
  Python conditions read the fields as variables (a field named like a Python keyword gets a
  trailing "_", as the export writes it);
- every ready user task is completed in turn; when the task of a decision answered by a performer
  completes (it carries sop:jawaban="<variable>"), the next answer queued for its step goes into
  that variable (answers: a JSON object, step id to a list of labels, used in order, one per round
  of a loop);
- every completed node that stands for a step (sop:langkah="<step id>") is appended to the path.

Prints one JSON object: {"process", "path", "outcome" ("completed" or "exited", from the end
event's sop:akhir), "end" (the end event's id)}. Exit 0 when the case ran to an end event, 1 when
the engine stopped it (an answer missing, no condition held, a rule failed), with {"error": ...} on
standard output, 2 on usage errors.

Usage: bpmn_crosscheck.py FILE.bpmn [--data JSON] [--answers JSON] [--max-tasks N]
Needs: pip install -r scripts/requirements-bpmn.txt (SpiffWorkflow).
"""
import argparse
import json
import keyword
import sys

from lxml import etree
from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnParser, BpmnValidator
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

SOP_NS = "urn:sop:bpmn"


def markers(path):
    """The sop:* attributes of the document's elements, by element id."""
    steps, ends, answers = {}, {}, {}
    for element in etree.parse(path).iter():
        if not isinstance(element.tag, str):
            continue
        element_id = element.get("id")
        if element_id is None:
            continue
        if element.get(f"{{{SOP_NS}}}langkah") is not None:
            steps[element_id] = element.get(f"{{{SOP_NS}}}langkah")
        if element.get(f"{{{SOP_NS}}}akhir") is not None:
            ends[element_id] = element.get(f"{{{SOP_NS}}}akhir")
        if element.get(f"{{{SOP_NS}}}jawaban") is not None:
            answers[element_id] = element.get(f"{{{SOP_NS}}}jawaban")
    return steps, ends, answers


def variables(data):
    """Case data as the variables the conditions read."""
    return {(name + "_" if keyword.iskeyword(name) else name): value for name, value in data.items()}


def bpmn_id(task):
    spec = task.task_spec
    return getattr(spec, "bpmn_id", None) or spec.name


def run(path, data, answers, max_tasks):
    parser = BpmnParser(validator=BpmnValidator())
    parser.add_bpmn_file(path)
    process_ids = parser.get_process_ids()
    if len(process_ids) != 1:
        raise RuntimeError(f"expected one process, found {process_ids}")
    workflow = BpmnWorkflow(parser.get_spec(process_ids[0]))
    workflow.task_tree.set_data(**variables(data))
    steps, ends, answer_variables = markers(path)
    queues = {step: list(labels) for step, labels in answers.items()}
    result = {"process": process_ids[0], "path": [], "outcome": None, "end": None}

    def record(task):
        element = bpmn_id(task)
        if element in steps:
            result["path"].append(steps[element])
        if element in ends:
            result["outcome"] = "exited" if ends[element] == "keluar" else "completed"
            result["end"] = element

    workflow.do_engine_steps(did_complete_task=record)
    completed = 0
    while not workflow.is_completed():
        ready = workflow.get_tasks(state=TaskState.READY, manual=True)
        if not ready:
            raise RuntimeError("the process is stuck: no ready user task and not completed")
        task = ready[0]
        element = bpmn_id(task)
        if element in answer_variables:
            step = steps.get(element, element)
            queue = queues.get(step) or []
            if not queue:
                raise RuntimeError(f"step '{step}' is a decision taken by a performer; no answer left for it")
            task.set_data(**{answer_variables[element]: queue.pop(0)})
        task.run()
        record(task)
        completed += 1
        if completed > max_tasks:
            raise RuntimeError(f"more than {max_tasks} user tasks; the process keeps looping")
        workflow.do_engine_steps(did_complete_task=record)
    return result


def main():
    parser = argparse.ArgumentParser(description="Run an SOP's BPMN export on SpiffWorkflow and print the path.")
    parser.add_argument("bpmn", help="the .bpmn file written by `sop render --format bpmn`")
    parser.add_argument("--data", default="{}", help="case data as a JSON object")
    parser.add_argument("--answers", default="{}", help="answers as a JSON object: step id to a list of labels")
    parser.add_argument("--max-tasks", type=int, default=1000, help="guard against endless loops")
    args = parser.parse_args()
    try:
        data = json.loads(args.data)
        answers = json.loads(args.answers)
    except json.JSONDecodeError as error:
        parser.error(f"--data and --answers must be JSON: {error}")
    if not isinstance(data, dict) or not isinstance(answers, dict):
        parser.error("--data and --answers must be JSON objects")
    try:
        result = run(args.bpmn, data, answers, args.max_tasks)
    except Exception as error:  # the engine's refusal, reported like sop's own
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}, ensure_ascii=False))
        return 1
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
