// The messages between the page and its engine, one place: what each carries (JSDoc types that mirror the C# that
// writes them: PlaygroundSession.Frames.cs, PlaygroundSession.Messages.cs, PageTables.cs) and the builders of every
// message the page sends. Every message is one JSON text with a "type"; the transport carries the text unchanged.

// ---------- engine → page ----------

/**
 * One settings field (PageTables.cs, PageField).
 * @typedef {object} Field
 * @property {string} key         query-string name, as RunSettings.Parse reads it
 * @property {string} label
 * @property {'data'|'train'} panel
 * @property {'select'|'text'|'check'} kind
 * @property {'numeric'|'decimal'} [mode]
 * @property {[string, string][]} [options]   a select's [value, label] pairs
 * @property {{key: string, values: string[]}} [when]   shown only when that field's value is one of these
 */

/**
 * A hidden activation's names (PageTables.cs): `name` as formulas write it, `formula` is f(z) with "{z}" for the number.
 * @typedef {{name: string, formula: string}} Activation
 */

/**
 * Sent once, first: the defaults of `edgenet train`, the caps, the form and the activations.
 * @typedef {object} Hello
 * @property {'hello'} type
 * @property {Record<string, any>} defaults     seed, hidden, lr, …; `optimizers[name]` each rule's own; `tutorial`/`varied` per data
 * @property {Limits} limits
 * @property {Field[]} fields
 * @property {Record<string, Activation>} activations
 * @property {Lesson[]} lessons
 */

/**
 * One lesson (Lessons.cs): the tutorial's part, its text and task, the settings and panels it starts with.
 * @typedef {{number: number, part: string, title: string, text: string, task: string, settings: Record<string, string>, panels: string[]}} Lesson
 */

/**
 * @typedef {object} Limits
 * @property {number} maxHiddenLayers
 * @property {number} maxNeurons
 * @property {number} maxEpochs
 * @property {number} maxTrainSamples
 * @property {number} maxTestSamples
 * @property {number} maxCsvBytes
 * @property {number} maxPhotoBytes
 * @property {number} maxPhotoPixels
 * @property {number} maxPatch
 */

/**
 * A new run (after settings, reset or an upload).
 * @typedef {object} Run
 * @property {'run'} type
 * @property {number} version        frames and probes of older runs are dropped
 * @property {'tutorial'|'varied'|'csv'} data
 * @property {string} dataName
 * @property {string[]} classNames
 * @property {number|null} patchSide  null when the inputs are not a square
 * @property {number} inputs
 * @property {number[]} shape        inputs, each layer's outputs
 * @property {number} parameters
 * @property {number} trainCount
 * @property {number} testCount
 * @property {number} epochs
 * @property {string} activation     an engine name (a key of Hello.activations)
 * @property {string} optimizer      the rule with its settings, as text
 * @property {string} rule           the rule's engine name
 * @property {string} init
 * @property {boolean} tutorialStep  plain SGD with ReLU: the step panel shows `edgenet step --full` (else the rule's trace)
 * @property {{pixels: number[], label: number}[]} samples
 */

/**
 * One layer's parameters, row-major W[i, j] = w[i * outputs + j] (floats: for colours and sizes); g is dL/dW of the
 * mean loss over the training set at these weights, sent while not playing (PlaygroundRun.ComputeTrainingGradient).
 * @typedef {{inputs: number, outputs: number, w: number[], b: number[], g?: number[]}} LayerData
 */

/**
 * The run now: sent while training (about 15 a second) and after every change.
 * @typedef {object} Frame
 * @property {'frame'} type
 * @property {number} version
 * @property {number} epoch           epochs done
 * @property {number} epochs
 * @property {number} position        samples of the current epoch done by single steps
 * @property {number} handSteps
 * @property {boolean} playing
 * @property {boolean} finished
 * @property {number} from            index of the first of `points` (0: the history starts again)
 * @property {[number, number, number, number|null, number|null][]} points   epoch, train loss, train accuracy, test loss, test accuracy
 * @property {LayerData[]} layers
 * @property {number[][]} [confusion] test: rows true class, columns predicted
 * @property {number} [testCorrect]
 * @property {number} [testCount]
 * @property {{index: number, pixels: number[], label: number, predicted: number}[]} [wrong]
 * @property {number} [wrongCount]
 */

/**
 * The forward pass of the probed patch.
 * @typedef {object} Probe
 * @property {'probe'} type
 * @property {number} version
 * @property {number[]} x
 * @property {{z: number[], h?: number[]}[]} layers
 * @property {number[]} p
 * @property {number} predicted
 * @property {string} text           as `edgenet predict` prints it
 */

/**
 * One neuron's z = Σ input[i]·W[i, j] + b[j] for the probed patch.
 * @typedef {object} Neuron
 * @property {'neuron'} type
 * @property {number} layer
 * @property {number} index
 * @property {boolean} last          an output neuron (then `p`, else `h`)
 * @property {number[]} inputs
 * @property {number[]} weights
 * @property {number} bias
 * @property {number} z
 * @property {number} [h]
 * @property {number} [p]
 */

/**
 * One update on the probed patch, shown or applied.
 * @typedef {object} Trace
 * @property {'trace'} type
 * @property {boolean} applied
 * @property {number} label        the true class the step used
 * @property {string} rule
 * @property {number} [t]
 * @property {string} text           as `edgenet step --full` prints it
 * @property {number|null} loss
 * @property {number|null} lossAfter
 * @property {string} verdict
 * @property {StepQuantity[]} [quantities]   the SGD step's numbers (StepTrace.Quantities); absent for other rules
 * @property {string[]} [ruleLines]           another rule's formulas (OptimizerTraceText.Rule)
 * @property {StepParameter[]} [parameters]   another rule's numbers per parameter (OptimizerTraceText.Columns)
 */

/**
 * One parameter of another rule's step: its shape and its columns (W1, g, m before, …, ΔW1, W1 after), row-major.
 * @typedef {{name: string, rows: number, columns: number, values: {name: string, values: (number|null)[]}[]}} StepParameter
 */

/**
 * One named number or matrix of a step (StepQuantity.cs): values row-major, rows × columns.
 * @typedef {{stage: 'forward'|'loss'|'backward'|'update'|'after', symbol: string, formula: string, part: string, rows: number, columns: number, values: (number|null)[]}} StepQuantity
 */

/**
 * @typedef {{type: 'photo', name: string, width: number, height: number, input: string, map: string, edgeFraction: number|null, correlation: number|null}} Photo
 * @typedef {{type: 'download', name: string, mime: string, text: string}} Download
 * @typedef {{type: 'error', message: string, about?: string, fatal?: boolean}} ErrorMessage
 * @typedef {{type: 'lesson', lesson: number, done: boolean, status: string}} LessonResult   the session's check of the open lesson (Lessons.cs)
 * @typedef {Hello|Run|Frame|Probe|Neuron|Trace|Photo|Download|ErrorMessage|LessonResult} Incoming
 */

/** @param {string} text @returns {Incoming|null} */
export function parse(text) {
  try {
    const message = JSON.parse(text);
    return message && typeof message.type === 'string' ? message : null;
  } catch {
    return null;
  }
}

// ---------- page → engine ----------

/** @param {Record<string, string>} settings the query-string fields @returns {string} */
export const settings = settings => text({ type: 'settings', settings });
/** @param {number} value epochs a second; 0: flat out */
export const speed = value => text({ type: 'speed', value });
/** @param {'play'|'pause'|'step'|'epoch'|'reset'} type */
export const control = type => text({ type });
/** @param {number[]} pixels */
export const probe = pixels => text({ type: 'probe', pixels });
/** @param {number} layer @param {number} index */
export const neuron = (layer, index) => text({ type: 'neuron', layer, index });
/** @param {number[]} pixels @param {number} label @param {boolean} apply */
export const step = (pixels, label, apply) => text({ type: apply ? 'apply' : 'trace', pixels, label });
/** @param {'train'|'test'} role @param {string} name @param {string} csv */
export const csv = (role, name, csv) => text({ type: 'csv', role, name, text: csv });
/** @param {string} name @param {string} data base64 */
export const photo = (name, data) => text({ type: 'photo', name, data });
/** @param {number} number the open lesson; 0: none */
export const lesson = number => text({ type: 'lesson', lesson: number });
/** @param {'model'|'metrics'} what */
export const download = what => text({ type: 'download', what });

function text(message) { return JSON.stringify(message); }
