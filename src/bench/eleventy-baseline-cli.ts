#!/usr/bin/env node
// Builds a plain Eleventy project in the working directory: the benchmark's baseline, run in its own process.
import Eleventy from '@11ty/eleventy';

const [input = '.', output = '_site'] = process.argv.slice(2);
const eleventy = new Eleventy(input, output, { quietMode: true });
await eleventy.write();
