#!/usr/bin/env node
import { Command } from 'commander';
import { VERSION } from '../version.js';
import { registerConfigCommand } from './config-command.js';
import { registerOAuthCommand } from './oauth-command.js';
import { registerProvidersCommand } from './providers-command.js';
import { registerResolveCommand } from './resolve-command.js';
import { registerServeCommand } from './serve-command.js';

const program = new Command()
  .name('vdm')
  .description('Vandamme Desktop: a local LLM proxy for Claude Code and OpenAI clients')
  .version(VERSION)
  .showHelpAfterError();

registerServeCommand(program);
registerProvidersCommand(program);
registerResolveCommand(program);
registerConfigCommand(program);
registerOAuthCommand(program);

await program.parseAsync(process.argv);
