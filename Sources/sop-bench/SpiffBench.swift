import Foundation
import SOPKit

/// Benchmark 4: the same cases of the reference SOP through SpiffWorkflow running the SOP's BPMN
/// export, side by side with sop's interpreter in the same run.
enum SpiffBench {
    /// The Python harness: parses the BPMN once, then runs cases to the end the way
    /// scripts/bpmn_crosscheck.py runs one (every ready user task completed in turn, the gateways'
    /// conditions reading the case data), timing them with process CPU time.
    static let harness = #"""
    import json, sys, time
    sys.path.insert(0, sys.argv[1])
    from bpmn_crosscheck import markers, variables, bpmn_id  # the interoperability check's own helpers
    from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnParser, BpmnValidator
    from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
    from SpiffWorkflow.util.task import TaskState

    path, seconds, min_cases = sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    parser = BpmnParser(validator=BpmnValidator())
    parser.add_bpmn_file(path)
    (process_id,) = parser.get_process_ids()
    spec = parser.get_spec(process_id)
    steps, ends, _ = markers(path)

    def data(i):
        return {"nama_anak": f"Anak {i}", "putus_sekolah": i % 2 == 0,
                "jenis_kelamin": "perempuan" if i % 3 == 0 else "laki-laki", "lokasi_penjangkauan": "Jalan Merdeka"}

    def one(i):
        workflow = BpmnWorkflow(spec)
        workflow.task_tree.set_data(**variables(data(i)))
        result = {"path": [], "end": None}
        def record(task):
            element = bpmn_id(task)
            if element in steps:
                result["path"].append(steps[element])
            if element in ends:
                result["end"] = ends[element]
        workflow.do_engine_steps(did_complete_task=record)
        while not workflow.is_completed():
            ready = workflow.get_tasks(state=TaskState.READY, manual=True)
            if not ready:
                raise RuntimeError("stuck")
            task = ready[0]
            task.run()
            record(task)
            workflow.do_engine_steps(did_complete_task=record)
        return result

    for i in range(20):  # warm up
        one(i)
    cases = transitions = 0
    paths = {}
    c0, w0 = time.process_time(), time.perf_counter()
    while cases < min_cases or time.process_time() - c0 < seconds:
        r = one(cases)
        if cases < 2:
            paths[cases] = r["path"]
        transitions += len(r["path"])
        cases += 1
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    print(json.dumps({"cases": cases, "step_transitions": transitions, "cpu_seconds": cpu, "wall_seconds": wall,
                      "paths": paths, "spiffworkflow": __import__("importlib.metadata").metadata.version("SpiffWorkflow"),
                      "python": sys.version.split()[0]}))
    """#

    static func run(sop path: String, python: String, scripts: String, work: String, seconds: Double) -> JSONValue {
        let c = InterpreterBench.load(sop: path)
        let bpmnPath = work + "/anak-jalanan.bpmn"
        let harnessPath = work + "/spiff_bench.py"
        write(BPMNExport().render(c.context.definition), to: bpmnPath)
        write(harness, to: harnessPath)
        note("spiff: running SpiffWorkflow for \(seconds) s (\(bpmnPath))")
        let spiff = spawn([python, harnessPath, scripts, bpmnPath, String(seconds), "200"], captureOutput: true)
        guard spiff.status == 0, let data = spiff.output.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let spiffCases = object["cases"] as? Int, let spiffTransitions = object["step_transitions"] as? Int,
              let spiffCPU = object["cpu_seconds"] as? Double else {
            fail("the SpiffWorkflow harness failed (status \(spiff.status)): \(spiff.output.prefix(500))")
        }
        // The same cases (the same data, case by case) through sop's interpreter, timed the same way.
        _ = InterpreterBench.runCases(c, from: 0, count: 50)
        var swift = InterpreterBench.Counts()
        let c0 = threadCPU()
        var next = 0
        while threadCPU() - c0 < min(seconds, 3) || swift.cases < spiffCases {
            let batch = InterpreterBench.runCases(c, from: next, count: 100)
            swift.cases += batch.cases
            swift.transitions += batch.transitions
            next += 100
        }
        let swiftCPU = threadCPU() - c0
        // The same cases through the compiled form, timed the same way.
        guard let compiled = CompiledSOP(context: c.context) else { fail("\(path) does not compile") }
        _ = InterpreterBench.runCompiledCases(c, compiled, from: 0, count: 50)
        var fast = InterpreterBench.Counts()
        let f0 = threadCPU()
        next = 0
        while threadCPU() - f0 < min(seconds, 3) || fast.cases < spiffCases {
            let batch = InterpreterBench.runCompiledCases(c, compiled, from: next, count: 100)
            fast.cases += batch.cases
            fast.transitions += batch.transitions
            next += 100
        }
        let fastCPU = threadCPU() - f0
        let compiledRatio = (Double(fast.cases) / fastCPU) / (Double(spiffCases) / spiffCPU)
        // Both engines take the same path for the same data.
        let run = StandardRun(engine: CaseEngine(context: c.context))
        var agree = true
        let spiffPaths = object["paths"] as? [String: [String]] ?? [:]
        for i in 0..<2 {
            let sopPath = (try? run.run(data: InterpreterBench.data(i), start: c.starts[i]).state.path) ?? []
            if spiffPaths[String(i)] != sopPath { agree = false }
        }
        if !agree { note("spiff: WARNING the paths differ: \(spiffPaths)") }
        let sopCasesPerS = Double(swift.cases) / swiftCPU, spiffCasesPerS = Double(spiffCases) / spiffCPU
        let ratio = sopCasesPerS / spiffCasesPerS
        note("spiff: SpiffWorkflow \(String(format: "%.0f", spiffCasesPerS)) cases/s, sop \(String(format: "%.0f", sopCasesPerS)) cases/s: \(String(format: "%.0f", ratio))x")
        note("spiff: sop compiled \(String(format: "%.0f", Double(fast.cases) / fastCPU)) cases/s: \(String(format: "%.0f", compiledRatio))x")
        return .object([
            ("bpmn", .string(bpmnPath)),
            ("spiffworkflow_version", .string(object["spiffworkflow"] as? String ?? "?")),
            ("python", .string(object["python"] as? String ?? "?")),
            ("spiff_cases", .number(Double(spiffCases))),
            ("spiff_step_transitions", .number(Double(spiffTransitions))),
            ("spiff_cpu_seconds", rounded(spiffCPU)),
            ("spiff_cases_per_s", rounded(spiffCasesPerS)),
            ("spiff_transitions_per_s", rounded(Double(spiffTransitions) / spiffCPU)),
            ("sop_cases", .number(Double(swift.cases))),
            ("sop_step_transitions", .number(Double(swift.transitions))),
            ("sop_cpu_seconds", rounded(swiftCPU)),
            ("sop_cases_per_s", rounded(sopCasesPerS)),
            ("sop_transitions_per_s", rounded(Double(swift.transitions) / swiftCPU)),
            ("paths_agree", .bool(agree)),
            ("ratio_cases", rounded(ratio, 3)),
            ("ratio_transitions", rounded((Double(swift.transitions) / swiftCPU) / (Double(spiffTransitions) / spiffCPU), 3)),
            ("sop_compiled_cases", .number(Double(fast.cases))),
            ("sop_compiled_cpu_seconds", rounded(fastCPU)),
            ("sop_compiled_cases_per_s", rounded(Double(fast.cases) / fastCPU)),
            ("ratio_compiled_cases", rounded(compiledRatio, 3)),
            ("target_ratio", .number(100)),
        ])
    }
}
