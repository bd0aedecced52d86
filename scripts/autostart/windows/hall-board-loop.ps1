# Keeps Hall Board running on a Windows hall PC: starts it, waits for it to end, and starts it
# again — after 5 seconds, or up to a minute when it keeps dying right after start, so a broken
# install does not spin the CPU. Started at logon by the "Hall Board" scheduled task
# (install-autostart.ps1). Each restart is written to %LOCALAPPDATA%\hall-board\autostart.log.
# To stop Hall Board for maintenance: end the task in Task Scheduler, then quit the app.
param(
  [string]$Exe = (Join-Path $env:ProgramFiles 'Hall Board\Hall Board.exe'),
  # Hall flags, e.g. -HallArgs '--port','8080'. Tokens belong in HALL_* environment variables.
  [string[]]$HallArgs = @()
)

$logDir = Join-Path $env:LOCALAPPDATA 'hall-board'
New-Item -ItemType Directory -Force -Path $logDir | Out-Null
$log = Join-Path $logDir 'autostart.log'
$delay = 5

while ($true) {
  $started = Get-Date
  try {
    if ($HallArgs.Count -gt 0) {
      $process = Start-Process -FilePath $Exe -ArgumentList $HallArgs -PassThru -Wait
    } else {
      $process = Start-Process -FilePath $Exe -PassThru -Wait
    }
    $how = "exited with code $($process.ExitCode)"
  } catch {
    $how = "could not start: $($_.Exception.Message)"
  }
  $ran = [int]((Get-Date) - $started).TotalSeconds
  # Ran for a while: it was working, come back quickly. Died at once: back off, up to a minute.
  if ($ran -ge 60) { $delay = 5 } else { $delay = [Math]::Min(60, $delay * 2) }
  "$(Get-Date -Format s) Hall Board $how after $ran s; starting it again in $delay s" | Add-Content -Path $log -Encoding UTF8
  Start-Sleep -Seconds $delay
}
