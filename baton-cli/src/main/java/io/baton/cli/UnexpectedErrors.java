package io.baton.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports an exception that escaped a command: a bug, or a failure the command did not expect. The
 * stack trace is printed so that it can be reported; the exit code is {@link ExitCodes#RUN_FAILED}.
 */
final class UnexpectedErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    err.println("baton: unexpected error: " + e);
    e.printStackTrace(err);
    err.println("This is probably a bug in Baton; please report it with the trace above.");
    err.flush();
    return ExitCodes.RUN_FAILED;
  }
}
