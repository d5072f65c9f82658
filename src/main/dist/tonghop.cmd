@echo off
rem tonghop: runs tonghop.jar, which sits beside this file, with the Java options that suit
rem a batch run on a small machine. Use it as you would "java -jar tonghop.jar":
rem   tonghop run --input "C:\tonghop\hop thu" --year 2026 --output C:\tonghop\output
rem JAVA_HOME: the Java to use (default: java on the PATH), Java 17 or newer
rem JAVA_OPTS: more options for Java, after the defaults (-Xmx512m for a larger heap)
rem TONGHOP_JVM_DEFAULTS: replaces the default options (set it to a space for none)
rem The defaults and why: see the script "tonghop" beside this file.
setlocal
if defined JAVA_HOME (set "TONGHOP_JAVA=%JAVA_HOME%\bin\java.exe") else (set "TONGHOP_JAVA=java")
if not defined TONGHOP_JVM_DEFAULTS set "TONGHOP_JVM_DEFAULTS=-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
"%TONGHOP_JAVA%" %TONGHOP_JVM_DEFAULTS% %JAVA_OPTS% -jar "%~dp0tonghop.jar" %*
exit /b %ERRORLEVEL%
