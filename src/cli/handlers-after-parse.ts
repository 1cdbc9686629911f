/**
 * Command handlers run once yargs has parsed, not by yargs. As yargs calls a command's handler it
 * renders that command's whole --help text (to have it at hand should the handler fail and help be
 * shown), measuring every cell with string-width: some 80 ms of CPU on every run, for a text no run
 * prints then, since casefile's .fail shows no help. Given a command without a handler, yargs only
 * parses and checks it; the command's builder, which yargs calls for the command named and for no
 * other, says which handler is to run.
 */
import type { Argv, ArgumentsCamelCase, CommandModule } from 'yargs';
import type { GlobalArgs } from './options.js';

export class HandlersAfterParse {
  private chosen: ((argv: object) => void | Promise<void>) | undefined;

  /** `command` for yargs without its handler, which `run` calls if yargs builds the command. */
  add<A>(command: CommandModule<GlobalArgs, A>): CommandModule<GlobalArgs, A> {
    const { handler, builder, ...rest } = command;
    const parseOnly = {
      ...rest,
      builder: (yargs: Argv<GlobalArgs>) => {
        // yargs hands a handler the arguments it returns from parsing; only their type is lost on the way.
        this.chosen = (argv) => handler(argv as ArgumentsCamelCase<A>);
        return typeof builder === 'function' ? builder(yargs) : yargs.options(builder ?? {});
      },
    };
    // yargs takes a command without a handler (it then only parses it); @types/yargs asks for one.
    return parseOnly as CommandModule<GlobalArgs, A>;
  }

  /** Runs the handler of the command yargs parsed, if it parsed one. */
  async run(argv: object): Promise<void> {
    await this.chosen?.(argv);
  }
}
