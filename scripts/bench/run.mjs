#!/usr/bin/env node
// `pnpm bench`: times `kubectl kustomize` against Kustomate on generated inputs of N resources.
// Not a test: it prints a table and flags output mismatches; it fails only on setup errors.
//
//   pnpm build && pnpm bench [-- --sizes 100,1000,3000] [--runs K] [--seed 42] [--keep]
//                            [--json FILE] [--no-kubectl] [--kubectl-timeout SECONDS]
//
// For each N it generates scripts/bench/generate.mjs's tree in a temp dir and, on the
// production overlay, measures the median wall time and the peak RSS of
//   (a) `kubectl kustomize DIR`                        (whole process)
//   (b) `node packages/cli/dist/kustomate.mjs build DIR`      (whole process, Node start-up included)
//   (c) build() + toYaml() in process, after one warm-up, in a fresh Node child
// and checks that (a) and (b) (and (c)) print byte-identical YAML.
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const CLI = join(REPO, 'packages/cli/dist/kustomate.mjs');
const CORE = join(REPO, 'packages/kustomize-core/dist/index.js');
const INPROC = join(HERE, 'inprocess.mjs');
const TIME_BIN = '/usr/bin/time';

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = {
    sizes: [100, 1000, 3000],
    runs: undefined,
    seed: 42,
    keep: false,
    json: undefined,
    kubectl: true,
    kubectlTimeout: 400,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--') continue;
    else if (a === '--sizes')
      opts.sizes = value()
        .split(',')
        .map((s) => Number(s.trim()));
    else if (a === '--runs') opts.runs = Number(value());
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--json') opts.json = value();
    else if (a === '--keep') opts.keep = true;
    else if (a === '--no-kubectl') opts.kubectl = false;
    else if (a === '--kubectl-timeout') opts.kubectlTimeout = Number(value());
    else if (a === '-h' || a === '--help') {
      console.log(
        'usage: node scripts/bench/run.mjs [--sizes 100,1000,3000] [--runs K] [--seed 42] [--keep] [--json FILE] [--no-kubectl] [--kubectl-timeout SECONDS]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (opts.sizes.some((n) => !Number.isInteger(n) || n < 8))
    throw new Error('--sizes: integers >= 8');
  if (opts.runs !== undefined && !(Number.isInteger(opts.runs) && opts.runs >= 1)) {
    throw new Error('--runs: an integer >= 1');
  }
  if (!(opts.kubectlTimeout > 0)) throw new Error('--kubectl-timeout: seconds > 0');
  return opts;
}

/** kustomize is super-linear, so large N get fewer kubectl runs by default. */
const defaultRuns = (n) => (n <= 300 ? 5 : n <= 1500 ? 3 : 1);
/** Kustomate runs are cheap: at least 3 by default, so a median means something. */
const defaultOurRuns = (n) => Math.max(3, defaultRuns(n));

// ---------------------------------------------------------------- measuring processes

/** Median of the defined values, or undefined when there are none. */
const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Peak RSS (kB) of a running pid from /proc, or undefined. */
function procHwmKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Process groups of the measured processes still running (they don't get the terminal's ^C). */
const running = new Set();
/** The temp dir to remove if the run is interrupted. */
let workDir;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}

/**
 * Runs `cmd args` with stdout to `outFile`; resolves to {seconds, cpuS, rssKb, code, stderr}.
 * Peak RSS and CPU time (user + sys) come from `/usr/bin/time -v` when present; without it
 * peak RSS comes from polling /proc VmHWM and CPU time is not measured.
 */
function timeProcess(cmd, args, outFile, { useTimeBin, timeoutS }) {
  return new Promise((resolvePromise, reject) => {
    const outFd = openSync(outFile, 'w');
    const timeFile = `${outFile}.time`;
    const [file, argv] = useTimeBin
      ? [TIME_BIN, ['-v', '-o', timeFile, cmd, ...args]]
      : [cmd, args];
    const t0 = performance.now();
    // Own process group, so a timeout kills /usr/bin/time and the measured process together.
    const child = spawn(file, argv, { stdio: ['ignore', outFd, 'pipe'], detached: true });
    running.add(child.pid);
    let timedOut = false;
    const timer =
      timeoutS === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              child.kill('SIGKILL');
            }
          }, timeoutS * 1000);
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => (stderr += d));
    let polledKb;
    const poll = useTimeBin
      ? undefined
      : setInterval(() => {
          const kb = procHwmKb(child.pid);
          if (kb !== undefined) polledKb = Math.max(polledKb ?? 0, kb);
        }, 10);
    child.on('error', (e) => {
      if (poll) clearInterval(poll);
      closeSync(outFd);
      reject(e);
    });
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (timer) clearTimeout(timer);
      running.delete(child.pid);
      if (poll) clearInterval(poll);
      closeSync(outFd);
      let rssKb = polledKb;
      let cpuS;
      if (useTimeBin) {
        const text = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
        rssKb = m ? Number(m[1]) : undefined;
        const exit = /Exit status: (\d+)/.exec(text);
        if (exit) code = Number(exit[1]);
        const user = /User time \(seconds\): ([\d.]+)/.exec(text);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
        if (user && sys) cpuS = Number(user[1]) + Number(sys[1]);
        rmSync(timeFile, { force: true });
      }
      resolvePromise({ seconds, cpuS, rssKb, code: timedOut ? 'timeout' : code, stderr, timedOut });
    });
  });
}

// ---------------------------------------------------------------- comparing outputs

/** The first differing line of two texts with some context, or undefined when equal. */
function firstDifference(a, b, context = 3) {
  if (a === b) return undefined;
  const la = a.split('\n');
  const lb = b.split('\n');
  let i = 0;
  while (i < la.length && i < lb.length && la[i] === lb[i]) i++;
  const from = Math.max(0, i - context);
  const show = (lines, tag) =>
    lines
      .slice(from, i + context + 1)
      .map((l, k) => `${tag} ${String(from + k + 1).padStart(6)}| ${l}`)
      .join('\n');
  return {
    line: i + 1,
    text: `first difference at line ${i + 1} (lines: ${la.length} vs ${lb.length}, bytes: ${a.length} vs ${b.length})\n${show(la, '<')}\n${show(lb, '>')}`,
  };
}

// ---------------------------------------------------------------- formatting

/** Largest defined value, or undefined. */
const maxOf = (xs) => {
  const d = xs.filter((x) => x !== undefined);
  return d.length ? Math.max(...d) : undefined;
};
const fmtS = (s) =>
  s === undefined ? 'n/a' : s < 1 ? s.toFixed(3) : s < 10 ? s.toFixed(2) : s.toFixed(1);
const fmtMiB = (kb) => (kb === undefined ? 'n/a' : (kb / 1024).toFixed(0));
const fmtRatio = (a, b) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(1)}×`);
const fmtMs = (s, n) => (s === undefined ? 'n/a' : ((s * 1000) / n).toFixed(3));

function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => `| ${cells.map((x, c) => String(x).padStart(widths[c])).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => `${'-'.repeat(w + 1)}:`).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** The kubectl wall-time cell: `>T` when kubectl was killed at the timeout without a finished run. */
const kubectlCell = (r) =>
  r.kubectlS === undefined && r.kubectlTimedOut ? `>${r.kubectlTimedOut}` : fmtS(r.kubectlS);
/** kubectl/ours; a lower bound (`>`) when kubectl was killed at the timeout. */
const kubectlRatio = (r, ours) =>
  r.kubectlS === undefined && r.kubectlTimedOut && ours
    ? `>${fmtRatio(r.kubectlTimedOut, ours)}`
    : fmtRatio(r.kubectlS, ours);

/** log(t2/t1) / log(n2/n1): ~1 is linear growth, ~2 quadratic. */
const exponent = (n1, t1, n2, t2) =>
  t1 && t2 && n1 !== n2 ? (Math.log(t2 / t1) / Math.log(n2 / n1)).toFixed(2) : 'n/a';

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const f of [CLI, CORE]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`pnpm build\` first`);
  }
  const useTimeBin = existsSync(TIME_BIN);
  let kubectlOk = opts.kubectl;
  if (kubectlOk) {
    const v = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
    if (v.error || v.status !== 0) {
      console.warn('!! kubectl not found: timing Kustomate only');
      kubectlOk = false;
    } else {
      const kv = /Kustomize Version: (\S+)/.exec(v.stdout);
      console.log(`kubectl kustomize: ${kv ? kv[1] : 'unknown version'}`);
    }
  }
  console.log(
    `node ${process.version}, ${cpus().length} cpu(s) (${cpus()[0]?.model.trim() ?? '?'}), ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB; peak RSS via ${useTimeBin ? `${TIME_BIN} -v` : '/proc VmHWM polling'}`,
  );
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (other work on the machine skews timings)`,
  );
  // Fixed cost of a CLI process: Node start-up plus loading the compiled packages.
  const startup = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [CLI, 'version'], { stdio: 'ignore' });
    startup.push((performance.now() - t0) / 1000);
  }
  const startupS = median(startup);
  console.log(`kustomate CLI start-up (\`cli.js version\`, median of 3): ${fmtS(startupS)} s`);
  console.log(
    `sizes ${opts.sizes.join(', ')}; runs (kubectl/kustomate) ${opts.sizes.map((n) => `${opts.runs ?? defaultRuns(n)}/${opts.runs ?? defaultOurRuns(n)}`).join(', ')}; seed ${opts.seed}\n`,
  );

  const work = mkdtempSync(join(tmpdir(), 'kustomate-bench-'));
  workDir = work;
  const results = [];
  let kubectlGaveUp = false;
  const mismatches = [];
  const started = performance.now();
  try {
    for (const n of opts.sizes) {
      const kRuns = kubectlOk && !kubectlGaveUp ? (opts.runs ?? defaultRuns(n)) : 0;
      const runs = opts.runs ?? defaultOurRuns(n);
      const root = join(work, `n${n}`);
      const info = generate({ n, seed: opts.seed, outDir: root });
      console.log(
        `N=${n}: generated ${info.files} files (${info.groups} app groups) in ${root}; ${kRuns} kubectl / ${runs} kustomate run(s)`,
      );
      const dir = info.production;
      const r = {
        n,
        kRuns,
        runs,
        kubectl: [],
        cli: [],
        inproc: [],
        kubectlCpu: [],
        cliCpu: [],
        inprocCpu: [],
        kubectlRss: [],
        cliRss: [],
      };

      const kOut = join(root, 'kubectl.yaml');
      const cOut = join(root, 'kustomate.yaml');
      const iOut = join(root, 'inprocess.yaml');
      for (let i = 1; i <= runs; i++) {
        if (i <= kRuns && r.kubectlTimedOut === undefined) {
          process.stdout.write(`  kubectl kustomize   run ${i}/${kRuns} ... `);
          const k = await timeProcess('kubectl', ['kustomize', dir], kOut, {
            useTimeBin,
            timeoutS: opts.kubectlTimeout,
          });
          r.kubectlCode = k.code;
          r.kubectlStderr = k.stderr;
          if (k.timedOut) {
            console.log(
              `killed after ${opts.kubectlTimeout} s (--kubectl-timeout); no more kubectl runs at this or larger N`,
            );
            r.kubectlTimedOut = opts.kubectlTimeout;
            kubectlGaveUp = true;
          } else {
            console.log(
              `${fmtS(k.seconds)} s, ${fmtMiB(k.rssKb)} MiB${k.code ? `, EXIT ${k.code}` : ''}`,
            );
            if (k.code) console.log(k.stderr.trim().replace(/^/gm, '    '));
            r.kubectl.push(k.seconds);
            r.kubectlCpu.push(k.cpuS);
            r.kubectlRss.push(k.rssKb);
          }
        }
        process.stdout.write(`  kustomate CLI       run ${i}/${runs} ... `);
        const c = await timeProcess(process.execPath, [CLI, 'build', dir], cOut, { useTimeBin });
        console.log(
          `${fmtS(c.seconds)} s, ${fmtMiB(c.rssKb)} MiB${c.code ? `, EXIT ${c.code}` : ''}`,
        );
        if (c.code) console.log(c.stderr.trim().replace(/^/gm, '    '));
        r.cli.push(c.seconds);
        r.cliCpu.push(c.cpuS);
        r.cliRss.push(c.rssKb);
        r.cliCode = c.code;
        r.cliStderr = c.stderr;
      }

      process.stdout.write(`  in-process build()  1 warm-up + ${runs} run(s) ... `);
      const ip = spawnSync(process.execPath, [INPROC, dir, String(runs), iOut], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (ip.status === 0) {
        const j = JSON.parse(ip.stdout.trim().split('\n').pop());
        r.inproc = j.times;
        r.inprocCpu = j.cpuTimes;
        r.inprocRss = j.maxRssKb;
        r.objects = j.objects;
        console.log(
          `${j.times.map(fmtS).join(', ')} s (warm-up ${fmtS(j.warmupS)} s), ${fmtMiB(j.maxRssKb)} MiB`,
        );
      } else {
        console.log(
          `FAILED (exit ${ip.status})\n${(ip.stderr || '').trim().replace(/^/gm, '    ')}`,
        );
      }

      r.kubectlS = median(r.kubectl);
      r.cliS = median(r.cli);
      r.inprocS = median(r.inproc);
      r.kubectlCpuS = median(r.kubectlCpu);
      r.cliCpuS = median(r.cliCpu);
      r.inprocCpuS = median(r.inprocCpu);
      r.kubectlRssKb = maxOf(r.kubectlRss);
      r.cliRssKb = maxOf(r.cliRss);

      // Byte-for-byte comparison (last run of each).
      if (r.kubectlTimedOut) {
        console.log('  outputs not compared: kubectl was killed at the timeout');
      } else if (kRuns > 0 && r.kubectlCode !== 0) {
        console.log(
          `  !!!!!!!! kubectl FAILED (exit ${r.kubectlCode}): outputs not compared !!!!!!!!`,
        );
      } else if (kRuns > 0) {
        const kText = readFileSync(kOut, 'utf8');
        const checks = [['kustomate CLI', cOut, r.cliCode === 0]];
        if (existsSync(iOut)) checks.push(['in-process build()', iOut, ip.status === 0]);
        r.match = true;
        for (const [label, file, ok] of checks) {
          const diff = ok
            ? firstDifference(kText, readFileSync(file, 'utf8'))
            : { line: 0, text: 'build failed' };
          if (diff) {
            r.match = false;
            mismatches.push({ n, label, diff });
            console.log(`\n  !!!!!!!! MISMATCH at N=${n}: kubectl (<) vs ${label} (>) !!!!!!!!`);
            console.log(diff.text.replace(/^/gm, '    '));
            console.log(`    outputs kept in ${root}\n`);
            opts.keep = true;
          }
        }
        if (r.match)
          console.log(
            `  outputs byte-identical (${Buffer.byteLength(kText)} bytes, ${r.objects ?? '?'} objects)`,
          );
        if (r.kubectlStderr !== r.cliStderr) {
          console.log('  note: stderr differs (warnings):');
          console.log(
            `    kubectl:   ${JSON.stringify(r.kubectlStderr)}\n    kustomate: ${JSON.stringify(r.cliStderr)}`,
          );
        }
      }
      results.push(r);
      console.log(`  (elapsed ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    else console.log(`inputs and outputs kept in ${work}`);
  }

  // ---- report
  console.log('\nMedian wall time (s), speed-up and peak RSS (MiB):\n');
  console.log(
    table(
      [
        'N',
        'runs k/ours',
        'kubectl s',
        'kustomate CLI s',
        'in-process s',
        'kubectl/CLI',
        'kubectl/in-proc',
        'kubectl MiB',
        'CLI MiB',
        'in-proc MiB',
        'output',
      ],
      results.map((r) => [
        r.n,
        `${r.kRuns}/${r.runs}`,
        kubectlCell(r),
        fmtS(r.cliS),
        fmtS(r.inprocS),
        kubectlRatio(r, r.cliS),
        kubectlRatio(r, r.inprocS),
        fmtMiB(r.kubectlRssKb),
        fmtMiB(r.cliRssKb),
        fmtMiB(r.inprocRss),
        r.match === undefined
          ? r.kubectlTimedOut
            ? 'not compared'
            : 'n/a'
          : r.match
            ? 'identical'
            : 'MISMATCH',
      ]),
    ),
  );
  console.log(
    '\nMedian CPU time (user + sys, s): less sensitive than wall time to other load on the machine:\n',
  );
  console.log(
    table(
      ['N', 'kubectl cpu s', 'CLI cpu s', 'in-proc cpu s', 'kubectl/CLI', 'kubectl/in-proc'],
      results.map((r) => [
        r.n,
        fmtS(r.kubectlCpuS),
        fmtS(r.cliCpuS),
        fmtS(r.inprocCpuS),
        fmtRatio(r.kubectlCpuS, r.cliCpuS),
        fmtRatio(r.kubectlCpuS, r.inprocCpuS),
      ]),
    ),
  );
  console.log(
    '\nWall time per base resource (ms) and growth exponent vs the previous N, from wall and CPU\nmedians (1 = linear, 2 = quadratic):\n',
  );
  console.log(
    table(
      [
        'N',
        'kubectl ms/res',
        'CLI ms/res',
        'in-proc ms/res',
        'kubectl exp',
        'CLI exp',
        'in-proc exp',
        'kubectl cpu exp',
        'CLI cpu exp',
        'in-proc cpu exp',
      ],
      results.map((r, i) => {
        const p = results[i - 1];
        return [
          r.n,
          fmtMs(r.kubectlS, r.n),
          fmtMs(r.cliS, r.n),
          fmtMs(r.inprocS, r.n),
          p ? exponent(p.n, p.kubectlS, r.n, r.kubectlS) : '',
          p ? exponent(p.n, p.cliS, r.n, r.cliS) : '',
          p ? exponent(p.n, p.inprocS, r.n, r.inprocS) : '',
          p ? exponent(p.n, p.kubectlCpuS, r.n, r.kubectlCpuS) : '',
          p ? exponent(p.n, p.cliCpuS, r.n, r.cliCpuS) : '',
          p ? exponent(p.n, p.inprocCpuS, r.n, r.inprocCpuS) : '',
        ];
      }),
    ),
  );
  console.log(
    `\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s; load average at end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  if (mismatches.length) {
    console.log(
      `\n!!!!!!!! ${mismatches.length} OUTPUT MISMATCH(ES) vs kubectl: ${mismatches.map((m) => `N=${m.n} ${m.label}`).join('; ')} !!!!!!!!`,
    );
  }
  if (opts.json) {
    writeFileSync(opts.json, JSON.stringify({ startupS, results, mismatches }, null, 2));
    console.log(`results written to ${opts.json}`);
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
