// Q# source of the batch driver compiled beside the user's program: it loops over many
// circuits inside ONE simulator run, because each run call recompiles the whole program.

const namespace = "HybridQsharpRuntime.Driver";

export function driverOperation(name) {
  return `${namespace}.${name}`;
}

// `operation` takes `arity` Double[] arguments followed by the Qubit[] register.
export function driverSource(operation, qubits, arity) {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(operation ?? "")) throw new Error(`not a Q# operation name: '${operation}'`);
  if (!Number.isInteger(qubits) || qubits < 1) throw new Error(`qubit count must be a positive integer, got ${qubits}`);
  const call = `${operation}(${Array.from({ length: arity }, (_, k) => `arguments[${k}]`).join(", ")}, qubits)`;
  return `namespace ${namespace} {
    import Std.Convert.*;
    import Std.Diagnostics.*;
    import Std.Measurement.*;

    operation DumpEach(circuits : Double[][][]) : Unit {
        for arguments in circuits {
            use qubits = Qubit[${qubits}];
            ${call};
            DumpMachine();
            ResetAll(qubits);
        }
    }

    operation SampleEach(circuits : Double[][][], shots : Int) : Int[][] {
        mutable histograms = [];
        for arguments in circuits {
            mutable counts = [0, size = ${2 ** Math.min(qubits, 20)}];
            for _ in 1..shots {
                use qubits = Qubit[${qubits}];
                ${call};
                let outcome = ResultArrayAsInt(Std.Arrays.Reversed(MResetEachZ(qubits)));
                set counts w/= outcome <- counts[outcome] + 1;
            }
            set histograms += [counts];
        }
        histograms
    }
}`;
}
