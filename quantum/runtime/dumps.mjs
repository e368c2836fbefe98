// Reads the simulator's DumpMachine events: a sparse map from big-endian basis labels
// ("|0110⟩", qubit 0 leftmost) to [re, im].

function bitsOf(label, qubits) {
  const bits = label.slice(1, 1 + qubits);
  if (bits.length !== qubits || /[^01]/.test(bits)) throw new Error(`unexpected basis label ${label}`);
  return bits;
}

export function expectationsFromDump(state, qubits) {
  const z = new Array(qubits).fill(0);
  for (const [label, [re, im]] of Object.entries(state)) {
    const p = re * re + im * im;
    const bits = bitsOf(label, qubits);
    for (let i = 0; i < qubits; i++) z[i] += bits[i] === "0" ? p : -p;
  }
  return z;
}

// Dense state as [re0, im0, re1, im1, ...] in big-endian index order.
export function stateFromDump(state, qubits) {
  const dense = new Array(2 ** (qubits + 1)).fill(0);
  for (const [label, [re, im]] of Object.entries(state)) {
    const index = parseInt(bitsOf(label, qubits), 2);
    dense[2 * index] = re;
    dense[2 * index + 1] = im;
  }
  return dense;
}
