// Hosts Microsoft's Q# compiler and simulator (npm qsharp-lang) for the C# host.
//
// Protocol: one JSON object per line on stdin, one per line on stdout, answered in order.
//   request  {"id": 7, "method": "expectations", "params": {...}}
//   response {"id": 7, "result": {...}}  or  {"id": 7, "error": {"kind", "message", "diagnostics"}}
// stdout carries nothing else; anything human-readable goes to stderr.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { driverSource, driverOperation } from "./driver.mjs";
import { expectationsFromDump, stateFromDump } from "./dumps.mjs";

let qsharp;
try {
  qsharp = await import("qsharp-lang");
} catch (e) {
  process.stderr.write(`qsharp-lang is not installed next to the runtime (${e.message}); run 'npm ci' in ${join(dirname(fileURLToPath(import.meta.url)), "..")}\n`);
  process.exit(3);
}
// The package exports no package.json, so find its folder from its entry module (dist/node.js);
// createRequire rather than import.meta.resolve, which Node 18 keeps behind a flag.
const packageDir = dirname(dirname(createRequire(import.meta.url).resolve("qsharp-lang")));
await qsharp.loadWasmModule(readFileSync(join(packageDir, "lib/web/qsc_wasm_bg.wasm")));
const compiler = await qsharp.getCompiler();
const qsharpVersion = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).version;

class RequestError extends Error {
  constructor(kind, message, diagnostics = []) {
    super(message);
    this.kind = kind;
    this.diagnostics = diagnostics;
  }
}

function toDiagnostic(error) {
  const d = error.diagnostic;
  return {
    file: error.document,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code ?? "",
    message: d.message,
    stack: error.stack ?? null,
  };
}

function errorFromResult(result) {
  const errors = result.errors ?? [];
  const diagnostics = errors.map(toDiagnostic);
  const isCompile = diagnostics.some((d) => !d.code.startsWith("Qsc.Eval") && !d.code.startsWith("Qdk.Qsc.Eval"));
  return new RequestError(isCompile ? "compile" : "runtime", result.message ?? diagnostics[0]?.message ?? "Q# run failed", diagnostics);
}

function program(params, extra = []) {
  if (!Array.isArray(params.sources) || params.sources.length === 0) {
    throw new RequestError("protocol", "no Q# sources in request");
  }
  return { sources: [...params.sources, ...extra], languageFeatures: params.languageFeatures ?? [] };
}

// Runs `expr` for `shots` shots and returns the shot results; a failed shot becomes a RequestError
// carrying the compiler's or the simulator's diagnostics.
async function runShots(prog, expr, shots, noise) {
  const events = new qsharp.QscEventTarget(true);
  let thrown;
  try {
    if (noise) {
      await compiler.runWithNoise(prog, expr, shots, noise, 0, events);
    } else {
      await compiler.run(prog, expr, shots, events);
    }
  } catch (e) {
    thrown = e;
  }
  const results = events.getResults();
  const failed = results.find((r) => !r.success);
  if (failed) throw errorFromResult(failed.result);
  if (thrown) throw rethrow(thrown);
  return results;
}

// One shot of `expr` that hands each DumpMachine state to `onDump` as the simulator emits it and
// keeps none: a batch of large-register dumps would otherwise all be held at once (about 230 bytes
// per amplitude each, 240 MB per 20-qubit circuit).
async function runStreamingDumps(prog, expr, onDump) {
  const events = new qsharp.QscEventTarget(false);
  let result;
  events.addEventListener("DumpMachine", (ev) => onDump(ev.detail.state));
  events.addEventListener("Result", (ev) => {
    result = ev.detail;
  });
  let thrown;
  try {
    await compiler.run(prog, expr, 1, events);
  } catch (e) {
    thrown = e;
  }
  if (result && !result.success) throw errorFromResult(result.value);
  if (thrown) throw rethrow(thrown);
  if (!result) throw new RequestError("internal", "the simulator returned no result");
}

function rethrow(e) {
  if (e instanceof RequestError) return e;
  if (e?.diagnostics) return new RequestError("compile", e.message, e.diagnostics.map(toDiagnostic));
  return new RequestError("internal", String(e?.message ?? e));
}

function circuitsOf(params) {
  const circuits = params.circuits;
  if (!Array.isArray(circuits) || circuits.length === 0) throw new RequestError("protocol", "no circuits in request");
  return circuits;
}

const methods = {
  version: async () => ({ qsharpLang: qsharpVersion, node: process.versions.node }),

  // Compiles the sources (with an empty entry expression) and reports every diagnostic.
  check: async (params) => {
    try {
      await runShots(program(params), "()", 1);
      return { diagnostics: [] };
    } catch (e) {
      const err = rethrow(e);
      if (err.kind === "internal") throw err;
      return { diagnostics: err.diagnostics };
    }
  },

  // Exact simulation: every circuit runs once, its state is dumped, and <Z_i> computed from it as it
  // arrives (the dump itself is not kept).
  expectations: async (params) => {
    const circuits = circuitsOf(params);
    const prog = program(params, [["<hybridqsharp-driver>", driverSource(params.operation, params.qubits, circuits[0].length)]]);
    const expectations = [];
    const states = params.includeStates ? [] : undefined;
    await runStreamingDumps(prog, `${driverOperation("DumpEach")}(${qsharpArray(circuits)})`, (state) => {
      expectations.push(expectationsFromDump(state, params.qubits));
      states?.push(stateFromDump(state, params.qubits));
    });
    if (expectations.length !== circuits.length) throw new RequestError("internal", `expected ${circuits.length} state dumps, got ${expectations.length}`);
    return { expectations, states };
  },

  // Sampling: every circuit is prepared and measured `shots` times (optionally with Pauli noise);
  // the answer is one histogram of the 2^n big-endian outcomes per circuit.
  sample: async (params) => {
    const circuits = circuitsOf(params);
    if (!(params.shots > 0)) throw new RequestError("protocol", "shots must be positive");
    const prog = program(params, [["<hybridqsharp-driver>", driverSource(params.operation, params.qubits, circuits[0].length)]]);
    const expr = `${driverOperation("SampleEach")}(${qsharpArray(circuits)}, ${params.shots})`;
    const [shot] = await runShots(prog, expr, 1, params.noise ?? null);
    return { histograms: JSON.parse(shot.result) };
  },

  // Base-profile QIR, one program per circuit, with every qubit measured at the end.
  qir: async (params) => {
    const circuits = circuitsOf(params);
    const qir = [];
    for (const args of circuits) {
      const prog = { ...program(params, [["<hybridqsharp-entry>", entrySource(params.operation, params.qubits, args)]]), profile: "base" };
      try {
        qir.push(await compiler.getQir(prog));
      } catch (e) {
        throw rethrow(e);
      }
    }
    return { qir };
  },

  circuit: async (params) => {
    const prog = program(params, [["<hybridqsharp-entry>", entrySource(params.operation, params.qubits, params.arguments)]]);
    const config = { generationMethod: "classicalEval", maxOperations: params.maxOperations ?? 100000, sourceLocations: false, groupByScope: params.groupByScope ?? true };
    try {
      return await compiler.getCircuit(prog, config);
    } catch (e) {
      throw rethrow(e);
    }
  },

  estimate: async (params) => {
    const prog = program(params, [["<hybridqsharp-entry>", entrySource(params.operation, params.qubits, params.arguments)]]);
    try {
      return JSON.parse(await compiler.getEstimates(prog, "HybridQsharpRuntime.Entry.Main()", JSON.stringify(params.estimatorParams ?? [{}])));
    } catch (e) {
      if (typeof e === "string") throw new RequestError("compile", e);
      throw rethrow(e);
    }
  },

  // Runs an arbitrary entry expression, e.g. a Q# @Test() operation, and returns its value and messages.
  run: async (params) => {
    const shots = await runShots(program(params), params.expr, params.shots ?? 1);
    return shots.map((s) => ({ result: s.result, messages: s.events.filter((e) => e.type === "Message").map((e) => e.message) }));
  },
};

function qsharpDouble(x) {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new RequestError("protocol", `not a finite number: ${x}`);
  // String(x) is the shortest text that round-trips, so the simulator sees exactly the C# double.
  const text = String(x);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

function qsharpArray(value) {
  return Array.isArray(value) ? `[${value.map(qsharpArray).join(", ")}]` : qsharpDouble(value);
}

function entrySource(operation, qubits, args) {
  return `namespace HybridQsharpRuntime.Entry {
    @EntryPoint()
    operation Main() : Result[] {
        use qubits = Qubit[${qubits}];
        ${operation}(${args.map(qsharpArray).join(", ")}, qubits);
        MResetEachZ(qubits)
    }
}`;
}

async function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return { id: null, error: { kind: "protocol", message: "request is not JSON", diagnostics: [] } };
  }
  const method = methods[request.method];
  if (!method) return { id: request.id, error: { kind: "protocol", message: `unknown method '${request.method}'`, diagnostics: [] } };
  try {
    return { id: request.id, result: await method(request.params ?? {}) };
  } catch (e) {
    const err = rethrow(e);
    return { id: request.id, error: { kind: err.kind, message: err.message, diagnostics: err.diagnostics } };
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
process.stdout.write(JSON.stringify({ id: 0, result: { ready: true, qsharpLang: qsharpVersion } }) + "\n");
for await (const line of lines) {
  if (line.trim() === "") continue;
  process.stdout.write(JSON.stringify(await handle(line)) + "\n");
}
