import ArgumentParser
import CustomerIO
import Sandbox
print("cio")
